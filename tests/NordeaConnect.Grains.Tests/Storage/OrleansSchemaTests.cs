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

        // The persistence script's own first write (ETag null), twice at once, as two activations would make it: the
        // second starts while the first is uncommitted, so both pass the INSERT ... WHERE NOT EXISTS.
        await using var first = await FirstWriteAsync(postgres, 1);
        await using var second = await FirstWriteAsync(postgres, 2, started: false);
        var secondWrite = second.WriteAsync();
        await WaitUntilBlockedOnALockAsync(postgres, second.ProcessId);
        await first.Transaction.CommitAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => secondWrite);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal(1, await CountAsync(postgres, "select count(*) from orleansstorage"));
    }

    private static async Task<PendingWrite> FirstWriteAsync(PostgresSchema postgres, byte payload, bool started = true)
    {
        var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        var write = new PendingWrite(connection, await connection.BeginTransactionAsync(), payload);
        if (started)
        {
            await write.WriteAsync();
        }

        return write;
    }

    /// <summary>Bounded wait until the session <paramref name="pid"/> waits on a lock (the second insert on the first's index entry).</summary>
    private static async Task WaitUntilBlockedOnALockAsync(PostgresSchema postgres, int pid)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (await CountAsync(postgres, FormattableString.Invariant($"select count(*) from pg_stat_activity where pid = {pid} and wait_event_type = 'Lock'")) > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The second first-write never waited on the first one's uncommitted row.");
    }

    private sealed class PendingWrite(NpgsqlConnection connection, NpgsqlTransaction transaction, byte payload) : IAsyncDisposable
    {
        public NpgsqlTransaction Transaction => transaction;

        public int ProcessId => connection.ProcessID;

        public async Task WriteAsync()
        {
            await using var write = new NpgsqlCommand(
                "select writetostorage(42, 7, 0, 99, 'transaction', null, 'service', null, $1)", connection, transaction);
            write.Parameters.Add(new NpgsqlParameter { Value = new[] { payload } });
            await write.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
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
