using System.Globalization;
using Npgsql;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// A database of its own for one fixture (the gateway keeps grain state in a fixed schema, and sandbox ids restart
/// at 1 in every sandbox process, so state of another run must not be visible). Needs a role allowed to create
/// databases, as scripts/ensure-postgres.sh sets up. Fails, never skips, when PostgreSQL is unreachable.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=nordeaconnect;Password=nordeaconnect;Database=nordeaconnect_test";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("NC_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "nc_reliability_" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE \"" + name + "\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>Every text value of every user table (grain state, journals, outbox), for the security scan.</summary>
    public async Task<string> DumpAsync()
    {
        var dump = new System.Text.StringBuilder();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand("SELECT t::text FROM " + table + " t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.AppendLine(reader.GetString(0));
            }
        }

        return dump.ToString();
    }

    /// <summary>Every grain state as the gateway stored it (plain JSON), read as an operator would.</summary>
    public async Task<IReadOnlyList<string>> GrainStatesAsync()
    {
        var states = new List<string>();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE payloadbinary IS NOT NULL", connection);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP DATABASE IF EXISTS \"" + Name + "\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
