using Npgsql;

namespace NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

/// <summary>
/// The test PostgreSQL (env NC_TEST_POSTGRES, else the local default) and fresh schemas per test, dropped afterwards.
/// There is no skip: when PostgreSQL is unreachable these tests fail.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("NC_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The outbox's schema for this test.</summary>
    public string NotificationSchema => "nc_notify_" + _suffix;

    /// <summary>The grain storage's schema for this test.</summary>
    public string GrainSchema => "nc_notify_grains_" + _suffix;

    public async ValueTask DisposeAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        foreach (var schema in new[] { NotificationSchema, GrainSchema })
        {
            await using var command = dataSource.CreateCommand("drop schema if exists \"" + schema + "\" cascade");
            await command.ExecuteNonQueryAsync();
        }
    }
}
