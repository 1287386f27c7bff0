using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NordeaConnect.Grains.Runtime.Postgres;

/// <summary>
/// Applies the embedded, numbered SQL scripts (Migrations/NNNN_name.sql) that schema_migrations does not list yet.
/// Nodes starting together serialize on an advisory lock, so each script runs once; each runs in its own transaction
/// with its bookkeeping row; a script changed after it was applied stops start-up.
/// </summary>
internal sealed class PostgresSchemaMigrator(NpgsqlDataSource dataSource, string schema, ILogger logger)
{
    private const string ResourcePrefix = "NordeaConnect.Grains.Runtime.Migrations.";

    // Two-key advisory locks live apart from the one-key locks of exclusive turns.
    private const int MigrationLockClass = 0x4E434752;

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies pending migrations; returns how many ran.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "select pg_advisory_lock($1, hashtext($2))", cancellationToken, MigrationLockClass, schema).ConfigureAwait(false);
        }
        catch
        {
            // A canceled wait may still have taken the lock on the server; never hand a locked session back to the pool.
            await AdvisoryLocks.TryUnlockAllAsync(connection, logger).ConfigureAwait(false);
            throw;
        }

        try
        {
            var quoted = Quote(schema);
            await ExecuteAsync(connection, $"create schema if not exists {quoted}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"""
                create table if not exists {quoted}.schema_migrations (
                    version integer primary key,
                    name text not null,
                    checksum text not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken).ConfigureAwait(false);

            var applied = await ReadAppliedAsync(connection, quoted, cancellationToken).ConfigureAwait(false);
            var ran = 0;
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (!string.Equals(checksum, migration.Checksum, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"Migration {migration.Version:D4} ({migration.Name}) in schema {schema} was applied with checksum {checksum} but the embedded script now has {migration.Checksum}; applied scripts must never change, add a new one instead.");
                    }

                    continue;
                }

                await ApplyAsync(connection, quoted, migration, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Applied grain storage migration {Version} {Name} to schema {Schema}", migration.Version, migration.Name, schema);
                ran++;
            }

            return ran;
        }
        finally
        {
            // Not the caller's token: the lock must be released even when start-up is being canceled.
            await ExecuteAsync(connection, "select pg_advisory_unlock($1, hashtext($2))", CancellationToken.None, MigrationLockClass, schema).ConfigureAwait(false);
        }
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, string quotedSchema, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand($"select version, checksum from {quotedSchema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string quotedSchema, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var script = new NpgsqlCommand(migration.Sql.Replace("{schema}", quotedSchema, StringComparison.Ordinal), connection, transaction))
        {
            await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var record = new NpgsqlCommand($"insert into {quotedSchema}.schema_migrations (version, name, checksum) values ($1, $2, $3)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(PostgresSchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[ResourcePrefix.Length..^".sql".Length];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded migration {resource} is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName[(separator + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two embedded migrations share version {migrations[i].Version:D4}.");
            }
        }

        return migrations;
    }

    internal sealed record Migration(int Version, string Name, string Sql, string Checksum);
}
