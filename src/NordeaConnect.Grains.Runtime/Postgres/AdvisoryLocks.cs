using Microsoft.Extensions.Logging;
using Npgsql;

namespace NordeaConnect.Grains.Runtime.Postgres;

internal static class AdvisoryLocks
{
    /// <summary>Releases every session advisory lock of <paramref name="connection"/>, if it is still usable. Used on
    /// failure paths, where it is not known whether the server granted a lock the client stopped waiting for.</summary>
    public static async Task TryUnlockAllAsync(NpgsqlConnection connection, ILogger logger)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            // A broken connection's session ends on the server, and its locks with it.
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock_all()", connection) { CommandTimeout = 5 };
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Releasing advisory locks after a failed lock wait failed; the connection is discarded");
        }
    }
}
