using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Storage;

namespace NordeaConnect.Grains.Runtime.Postgres;

/// <summary>
/// Exclusive turns across nodes: a session advisory lock on hashtextextended(schema:type/key). Session locks belong to
/// the connection that took them, so each lease keeps its own connection (from a pool kept apart from the state pool,
/// so that lock holders can always reach their state) for the whole turn and unlocks on that same connection before
/// giving it back.
/// </summary>
internal sealed class PostgresTurnLock(PostgresGrainStorage storage, GrainRuntimeMetrics metrics, ILogger logger) : IGrainTurnLock
{
    private const string LockNotAvailable = "55P03";

    public async ValueTask<IAsyncDisposable?> AcquireAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await storage.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        var lockName = storage.Options.Schema + ":" + grainId;
        var connection = await storage.LockDataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    // lock_timeout bounds the wait on the server; the turn's token bounds it from the client.
                    new NpgsqlBatchCommand("set lock_timeout = " + ((long)storage.Options.LockTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)),
                    new NpgsqlBatchCommand("select pg_advisory_lock(hashtextextended($1, 0))") { Parameters = { new NpgsqlParameter { Value = lockName } } },
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState == LockNotAvailable)
        {
            metrics.LockTimedOut();
            await DiscardAsync(connection).ConfigureAwait(false);
            throw new GrainLockTimeoutException(grainId, storage.Options.LockTimeout, exception);
        }
        catch
        {
            await DiscardAsync(connection).ConfigureAwait(false);
            throw;
        }

        metrics.LockAcquired(started);
        return new Lease(connection, lockName, grainId, logger);
    }

    private async Task DiscardAsync(NpgsqlConnection connection)
    {
        await AdvisoryLocks.TryUnlockAllAsync(connection, logger).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Lease(NpgsqlConnection connection, string lockName, GrainId grainId, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1)
            {
                return;
            }

            try
            {
                // Never the turn's token: a canceled turn must still release its lock.
                await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", connection) { CommandTimeout = 5 };
                unlock.Parameters.Add(new NpgsqlParameter { Value = lockName });
                if (await unlock.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false) is not true)
                {
                    logger.LogWarning("The exclusive-turn lock of grain {GrainId} was not held when its turn ended", grainId);
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Releasing the exclusive-turn lock of grain {GrainId} failed; releasing every lock of its connection", grainId);
                await AdvisoryLocks.TryUnlockAllAsync(connection, logger).ConfigureAwait(false);
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
