using Npgsql;
using NordeaConnect.Grains.Storage;
using NordeaConnect.Grains.Tests.Infrastructure;

namespace NordeaConnect.Grains.Tests.Storage;

/// <summary>The vendored Orleans scripts applied as migrations: once, by one of several nodes starting together, plus our unique index.</summary>
public sealed class OrleansSchemaTests
{
    [Fact]
    public async Task Nodes_starting_together_apply_each_migration_once()
    {
        await using var postgres = new PostgresSchema();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new OrleansSchemaMigrator(postgres.ConnectionString).MigrateAsync(CancellationToken.None)));
        var again = await new OrleansSchemaMigrator(postgres.ConnectionString).MigrateAsync(CancellationToken.None);

        Assert.Equal(OrleansSchemaMigrator.Migrations.Select(migration => migration.Version), runs.SelectMany(applied => applied).Order());
        Assert.Empty(again);
        Assert.Equal(OrleansSchemaMigrator.Migrations.Count, await CountAsync(postgres, "select count(*) from nordeaconnect_orleans_migrations"));
        Assert.True(await CountAsync(postgres, "select count(*) from orleansquery") > 0);
    }

    [Fact]
    public async Task Two_concurrent_first_writes_of_one_grain_leave_one_row()
    {
        await using var postgres = new PostgresSchema();
        await new OrleansSchemaMigrator(postgres.ConnectionString).MigrateAsync(CancellationToken.None);

        // The persistence script's own first write (ETag null), twice at once, as two activations would make it.
        var writes = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => FirstWriteAsync(postgres, i)));

        Assert.Equal(1, await CountAsync(postgres, "select count(*) from orleansstorage"));
        Assert.Single(writes, failure => failure is null);
        var refused = Assert.Single(writes, failure => failure is not null);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused!.SqlState);
    }

    private static async Task<PostgresException?> FirstWriteAsync(PostgresSchema postgres, int payload)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        // Both transactions pass the INSERT ... WHERE NOT EXISTS before either commits.
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var write = new NpgsqlCommand(
                "select writetostorage(42, 7, 0, 99, 'transaction', null, 'service', null, $1)", connection, transaction);
            write.Parameters.Add(new NpgsqlParameter { Value = new byte[] { (byte)payload } });
            await write.ExecuteNonQueryAsync();
            await Task.Delay(200);
            await transaction.CommitAsync();
            return null;
        }
        catch (PostgresException failure)
        {
            return failure;
        }
    }

    private static async Task<long> CountAsync(PostgresSchema postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
