using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NordeaConnect.Grains.Runtime.Postgres;

namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL (env NC_TEST_POSTGRES, else the local default) and a fresh schema per test, dropped afterwards.
/// There is no skip: when PostgreSQL is unreachable these tests fail.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test";

    public PostgresDatabase()
    {
        Schema = "grains_test_" + Guid.NewGuid().ToString("N")[..12];
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("NC_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public string Schema { get; }

    public TestNode CreateNode(
        Action<PostgresGrainStorageOptions>? configure = null,
        Action<GrainRuntimeOptions>? runtime = null,
        TimeProvider? timeProvider = null) =>
        TestNode.Create(runtime, timeProvider, builder => builder.UsePostgresGrainStorage(ConnectionString, options =>
        {
            options.Schema = Schema;
            configure?.Invoke(options);
        }));

    /// <summary>Waits until the node's change listener is listening, so that no notification a test relies on is missed.</summary>
    public static async Task<PostgresGrainStorage> ListeningStorageAsync(TestNode node)
    {
        var storage = node.Services.GetRequiredService<PostgresGrainStorage>();
        await storage.InitializeAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => storage.ListeningSince is not null, "the change listener to listen");
        return storage;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql.Replace("{schema}", "\"" + Schema + "\"", StringComparison.Ordinal));
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql.Replace("{schema}", "\"" + Schema + "\"", StringComparison.Ordinal));
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync("drop schema if exists {schema} cascade");
    }
}
