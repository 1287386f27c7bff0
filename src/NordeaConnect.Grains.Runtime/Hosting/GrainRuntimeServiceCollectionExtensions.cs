using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Hosting;
using NordeaConnect.Grains.Runtime.State;
using NordeaConnect.Grains.Runtime.Storage;
using NordeaConnect.Grains.Runtime.Storage.InMemory;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Registers the grain runtime: <c>services.AddGrainRuntime(o =&gt; ...).AddGrain&lt;IFoo, Foo&gt;().UsePostgresGrainStorage(cs)</c>.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the runtime with in-memory storage; <see cref="IGrainFactory"/>, <see cref="IActivationCollector"/>
    /// and <see cref="IPersistentStateFactory"/> become available, and a hosted service prepares storage and stops the
    /// runtime cleanly. Calling it again returns the same builder (and applies <paramref name="configure"/> too).</summary>
    public static IGrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(GrainCatalog))?.ImplementationInstance as GrainCatalog;
        if (existing is not null)
        {
            return new GrainRuntimeBuilder(services, existing);
        }

        var catalog = new GrainCatalog();
        services.AddSingleton(catalog);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainStateInvalidations>();
        services.TryAddSingleton<IGrainStorage, InMemoryGrainStorage>();
        services.TryAddSingleton<IGrainTurnLock, LocalTurnLock>();
        services.TryAddSingleton(sp => new GrainRuntimeMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<PersistentStateFactory>();
        services.TryAddSingleton<IPersistentStateFactory>(sp => sp.GetRequiredService<PersistentStateFactory>());
        services.TryAddSingleton(sp => new GrainRuntime(
            catalog,
            sp.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value,
            sp,
            sp.GetRequiredService<IGrainStorage>(),
            sp.GetRequiredService<IGrainTurnLock>(),
            sp.GetRequiredService<GrainStateInvalidations>(),
            sp.GetRequiredService<GrainRuntimeMetrics>(),
            sp.GetRequiredService<PersistentStateFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("NordeaConnect.Grains.Runtime")));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IActivationCollector>(sp => sp.GetRequiredService<GrainRuntime>());
        services.AddHostedService<GrainRuntimeHostedService>();
        return new GrainRuntimeBuilder(services, catalog);
    }

    /// <summary>Binds grain interface <typeparamref name="TGrainInterface"/> to grain class <typeparamref name="TGrain"/>.
    /// Throws at once, naming the method, when an interface method has a shape the runtime cannot call.</summary>
    public static IGrainRuntimeBuilder AddGrain<TGrainInterface, TGrain>(this IGrainRuntimeBuilder builder)
        where TGrainInterface : IGrain
        where TGrain : Grain, TGrainInterface
    {
        ArgumentNullException.ThrowIfNull(builder);
        CatalogOf(builder).Add(typeof(TGrainInterface), typeof(TGrain));
        return builder;
    }

    /// <summary>Keeps grain state in this process's memory (the default): one node only, lost at exit.</summary>
    public static IGrainRuntimeBuilder UseInMemoryGrainStorage(this IGrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IGrainStorage>();
        builder.Services.RemoveAll<IGrainTurnLock>();
        builder.Services.AddSingleton<IGrainStorage, InMemoryGrainStorage>();
        builder.Services.AddSingleton<IGrainTurnLock, LocalTurnLock>();
        return builder;
    }

    private static GrainCatalog CatalogOf(IGrainRuntimeBuilder builder) =>
        builder is GrainRuntimeBuilder runtimeBuilder
            ? runtimeBuilder.Catalog
            : throw new ArgumentException("Use the builder returned by AddGrainRuntime.", nameof(builder));
}
