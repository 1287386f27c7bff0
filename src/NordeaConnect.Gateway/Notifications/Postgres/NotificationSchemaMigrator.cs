using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace NordeaConnect.Gateway.Notifications.Postgres;

/// <summary>
/// Applies the <see cref="NotificationMigrations"/> that <c>{schema}.schema_migrations</c> does not list yet, the way
/// the grain storage does: nodes starting together serialize on an advisory lock, each script runs in a transaction
/// with its bookkeeping row, and a script changed after it was applied stops start-up.
/// </summary>
internal sealed partial class NotificationSchemaMigrator(NpgsqlDataSource dataSource, string schema, ILogger logger)
{
    // Two-key advisory lock class of this schema's migrations ("NCNO"), apart from the grain runtime's.
    private const int MigrationLockClass = 0x4E434E4F;

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "select pg_advisory_lock($1, hashtext($2))", cancellationToken, MigrationLockClass, schema).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, $"create schema if not exists {quoted}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, $"""
                create table if not exists {quoted}.schema_migrations (
                    version integer primary key,
                    name text not null,
                    checksum text not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken).ConfigureAwait(false);
            var applied = new Dictionary<int, string>();
            await using (var read = new NpgsqlCommand($"select version, checksum from {quoted}.schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            var ran = 0;
            foreach (var (version, name, sql) in NotificationMigrations.All)
            {
                var text = sql.ReplaceLineEndings("\n");
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                if (applied.TryGetValue(version, out var existing))
                {
                    if (!string.Equals(existing, checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Notification migration {version:D4} ({name}) in schema {schema} was applied with checksum {existing} but the script now has {checksum}; applied scripts must never change, add a new one instead."));
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, text.Replace("{schema}", quoted, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"insert into {quoted}.schema_migrations (version, name, checksum) values ($1, $2, $3)", cancellationToken, version, name, checksum).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(logger, version, name, schema);
                ran++;
            }

            return ran;
        }
        finally
        {
            // Not the caller's token: the lock must be released even when start-up is being canceled.
            await ExecuteAsync(connection, null, "select pg_advisory_unlock($1, hashtext($2))", CancellationToken.None, MigrationLockClass, schema).ConfigureAwait(false);
        }
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied notification migration {Version} {Name} to schema {Schema}")]
    private static partial void LogApplied(ILogger logger, int version, string name, string schema);
}
