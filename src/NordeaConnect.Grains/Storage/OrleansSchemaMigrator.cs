using System.Reflection;
using Npgsql;

namespace NordeaConnect.Grains.Storage;

/// <summary>
/// Creates or updates the tables Orleans' ADO.NET providers use (membership, grain state, reminders) in PostgreSQL.
/// Each script is a numbered migration applied once, in its own transaction, and recorded in
/// <c>nordeaconnect_orleans_migrations</c>; nodes starting together take turns on an advisory lock, so the second
/// finds the work done. Orleans ships no SQL of its own: the scripts are the vendored ones (see Sql/README.md).
/// </summary>
internal sealed class OrleansSchemaMigrator(string connectionString)
{
    /// <summary>The ADO.NET invariant Orleans' providers use for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    // Any constant both nodes agree on; only start-up migrations take it.
    private const long MigrationLockKey = 0x4E434F524C45414E;

    /// <summary>The migrations in order; the number is what the table records, so never renumber one.</summary>
    public static IReadOnlyList<(int Version, string Name)> Migrations { get; } =
    [
        (1, "PostgreSQL-Main.sql"),
        (2, "PostgreSQL-Clustering.sql"),
        (3, "PostgreSQL-Persistence.sql"),
        (4, "PostgreSQL-Reminders.sql"),
        (5, "unique-grain-state-row"),
    ];

    /// <summary>
    /// Two concurrent first writes of one grain (ETag null) both pass the persistence script's INSERT ... WHERE NOT
    /// EXISTS; with this index the second is a unique violation instead of a second row.
    /// </summary>
    private const string UniqueGrainStateRow =
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain ON orleansstorage " +
        "(grainidhash, graintypehash, grainidn0, grainidn1, graintypestring, coalesce(grainidextensionstring, ''), serviceid);";

    /// <summary>Applies what is missing; returns the versions applied by this call (none when another node did it).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(" + MigrationLockKey + ")", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(
                connection,
                null,
                "CREATE TABLE IF NOT EXISTS nordeaconnect_orleans_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM nordeaconnect_orleans_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var now = new List<int>();
            foreach (var (version, name) in Migrations.Where(migration => !applied.Contains(migration.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, Script(version, name), cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand("INSERT INTO nordeaconnect_orleans_migrations (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = version });
                    record.Parameters.Add(new NpgsqlParameter { Value = name });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                now.Add(version);
            }

            return now;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(" + MigrationLockKey + ")", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string Script(int version, string name) => version == 5
        ? UniqueGrainStateRow
        : ReadEmbedded(name);

    private static string ReadEmbedded(string name)
    {
        var assembly = typeof(OrleansSchemaMigrator).Assembly;
        using var stream = assembly.GetManifestResourceStream("NordeaConnect.Grains.Storage.Sql." + name)
            ?? throw new InvalidOperationException("The Orleans schema script " + name + " is not embedded in " + assembly.GetName().Name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
