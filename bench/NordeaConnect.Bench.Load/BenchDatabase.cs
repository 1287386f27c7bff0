using System.Globalization;
using Npgsql;

namespace NordeaConnect.Bench.Load;

/// <summary>
/// A database of this run alone, dropped afterwards: the gateway keeps grain state in a fixed schema keyed by
/// transaction id, and a fresh sandbox counts ids from 1 again, so an earlier run's state must not be visible.
/// Needs a role allowed to create databases (scripts/ensure-postgres.sh sets one up).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server)
    {
        var name = "nc_bench_" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE \"" + name + "\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new BenchDatabase(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP DATABASE IF EXISTS \"" + _name + "\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
