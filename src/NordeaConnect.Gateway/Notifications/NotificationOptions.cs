namespace NordeaConnect.Gateway.Notifications;

/// <summary>How notifications are delivered and how long the outbox keeps changes. Set through <c>AddNotificationOutbox(o =&gt; ...)</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>How long changes (for resuming watchers) and finished deliveries are kept. Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After this long since the change, a delivery that still fails is given up and recorded as dead. Default 3 days.</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>The wait before the first retry; each further retry doubles it, plus or minus half at random. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries. Default 10 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one POST may take before it counts as failed. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>POSTs in flight at once to one receiver (scheme, host and port). Default 4.</summary>
    public int MaxConcurrencyPerReceiver { get; set; } = 4;

    /// <summary>Deliveries waiting in one receiver's queue beyond those in flight; more stay in the outbox until there is room. Default 64.</summary>
    public int ReceiverQueueCapacity { get; set; } = 64;

    /// <summary>How often the dispatcher and watchers look for changes appended by other nodes or due retries. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often old changes and finished deliveries are purged. Default 10 min.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The PostgreSQL connection string, or null to keep the outbox in memory (one node, lost on restart).</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The PostgreSQL schema of the outbox's tables. Default nc_notifications.</summary>
    public string PostgresSchema { get; set; } = "nc_notifications";

    /// <summary>Throws naming the first setting that cannot work.</summary>
    public void Validate()
    {
        Positive(Retention, nameof(Retention));
        Positive(GiveUpAfter, nameof(GiveUpAfter));
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(AttemptTimeout, nameof(AttemptTimeout));
        Positive(PollInterval, nameof(PollInterval));
        Positive(PurgeInterval, nameof(PurgeInterval));
        if (RetryMaxDelay < RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryMaxDelay), RetryMaxDelay, "RetryMaxDelay must be at least RetryBaseDelay.");
        }

        if (MaxConcurrencyPerReceiver < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrencyPerReceiver), MaxConcurrencyPerReceiver, "MaxConcurrencyPerReceiver must be at least 1.");
        }

        if (ReceiverQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ReceiverQueueCapacity), ReceiverQueueCapacity, "ReceiverQueueCapacity must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(PostgresSchema))
        {
            throw new ArgumentException("PostgresSchema must name a schema, e.g. nc_notifications.", nameof(PostgresSchema));
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
        }
    }
}
