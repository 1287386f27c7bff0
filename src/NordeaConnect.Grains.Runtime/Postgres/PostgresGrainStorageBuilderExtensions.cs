using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Postgres;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime;

public static class PostgresGrainStorageBuilderExtensions
{
    /// <summary>Keeps grain state in PostgreSQL (tables created at start-up), makes [ExclusiveTurn] turns exclusive across
    /// nodes with advisory locks, and invalidates cached state through LISTEN/NOTIFY when another node writes it.</summary>
    public static IGrainRuntimeBuilder UsePostgresGrainStorage(this IGrainRuntimeBuilder builder, string connectionString, Action<PostgresGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddOptions<PostgresGrainStorageOptions>().Configure(options =>
        {
            options.ConnectionString = connectionString;
            configure?.Invoke(options);
        });
        builder.Services.RemoveAll<IGrainStorage>();
        builder.Services.RemoveAll<IGrainTurnLock>();
        builder.Services.TryAddSingleton(sp => new PostgresGrainStorage(
            sp.GetRequiredService<IOptions<PostgresGrainStorageOptions>>().Value,
            sp.GetRequiredService<GrainStateInvalidations>(),
            sp.GetRequiredService<TimeProvider>(),
            LoggerOf(sp)));
        builder.Services.AddSingleton<IGrainStorage>(sp => sp.GetRequiredService<PostgresGrainStorage>());
        builder.Services.AddSingleton<IGrainTurnLock>(sp => new PostgresTurnLock(
            sp.GetRequiredService<PostgresGrainStorage>(),
            sp.GetRequiredService<GrainRuntimeMetrics>(),
            LoggerOf(sp)));
        return builder;
    }

    private static ILogger LoggerOf(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("NordeaConnect.Grains.Runtime.Postgres");
}
