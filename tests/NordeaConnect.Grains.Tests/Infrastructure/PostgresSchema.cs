using Npgsql;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL (env NC_TEST_POSTGRES, else the local default) and a fresh schema per test, dropped afterwards;
/// the Orleans tables are created in it (it leads the connection's search path). There is no skip: when PostgreSQL is
/// unreachable these tests fail.
/// </summary>
internal sealed class PostgresSchema : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("NC_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public PostgresSchema()
    {
        using var dataSource = NpgsqlDataSource.Create(ServerConnectionString);
        using var command = dataSource.CreateCommand("create schema \"" + Name + "\"");
        command.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = Name }.ConnectionString;
    }

    public string Name { get; } = "payment_grains_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The server's connection string with this schema as the search path.</summary>
    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(ServerConnectionString);
        await using var command = dataSource.CreateCommand("drop schema if exists \"" + Name + "\" cascade");
        await command.ExecuteNonQueryAsync();
    }
}
