using System.Text.RegularExpressions;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Settings of the PostgreSQL grain storage, set through <c>UsePostgresGrainStorage(connectionString, o =&gt; ...)</c>.</summary>
public sealed partial class PostgresGrainStorageOptions
{
    /// <summary>An Npgsql connection string. The storage keeps its own pool (and one extra, unpooled connection for LISTEN).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The schema holding grain_state and schema_migrations (created at start-up). Lower-case letters, digits and
    /// underscores, at most 40 characters; it also names the notification channel. Default "nordeaconnect_grains".</summary>
    public string Schema { get; set; } = "nordeaconnect_grains";

    /// <summary>How long an exclusive turn waits for another node's lock on the same grain before failing with
    /// <see cref="GrainLockTimeoutException"/>. Default 10 s.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections that exclusive turns hold their locks on, in a pool of their own: a turn holding a lock
    /// must always be able to reach its state, so locks never take connections from the state pool. At most this many
    /// exclusive turns (on different grains) run at once on a node; more wait for a connection. Default 50.</summary>
    public int MaxLockConnections { get; set; } = 50;

    /// <summary>While the change listener is down (or was down since a state was read), a cached state older than this
    /// is re-checked against storage before a turn. Default 5 s.</summary>
    public TimeSpan StalenessBound { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause between attempts to re-open a dropped change listener. Default 1 s.</summary>
    public TimeSpan ListenerReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The LISTEN/NOTIFY channel: one per schema, so nodes of one deployment hear each other and nobody else.</summary>
    internal string NotificationChannel => "nc_grains_" + Schema;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("PostgresGrainStorageOptions.ConnectionString is empty; pass a PostgreSQL connection string to UsePostgresGrainStorage.");
        }

        if (Schema is null || !SchemaPattern().IsMatch(Schema))
        {
            throw new ArgumentException($"PostgresGrainStorageOptions.Schema '{Schema}' is not a valid schema name: use 1-40 lower-case letters, digits or underscores, starting with a letter or underscore.");
        }

        if (MaxLockConnections is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLockConnections), MaxLockConnections, "PostgresGrainStorageOptions.MaxLockConnections must be between 1 and 1000.");
        }

        RequirePositive(LockTimeout, nameof(LockTimeout));
        RequirePositive(StalenessBound, nameof(StalenessBound));
        RequirePositive(ListenerReconnectDelay, nameof(ListenerReconnectDelay));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"PostgresGrainStorageOptions.{name} must be positive and at most one day.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
