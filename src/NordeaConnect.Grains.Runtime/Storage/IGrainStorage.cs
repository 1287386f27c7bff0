namespace NordeaConnect.Grains.Runtime.Storage;

/// <summary>
/// Durable grain state with optimistic concurrency. Versions start at 1 with the first write and grow by one with each
/// write or clear, so a version never repeats for a key; 0 means "never stored".
/// </summary>
internal interface IGrainStorage
{
    /// <summary>Prepares the storage (for PostgreSQL: migrations and the change listener). Idempotent; every other
    /// operation waits for it.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The stored state, or null when the key was never stored.</summary>
    Task<StoredState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>The stored state when its version differs from <paramref name="knownVersion"/>; null when it does not.</summary>
    Task<StoredState?> ReadIfChangedAsync(GrainStateKey key, long knownVersion, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="json"/> if the stored version is <paramref name="expectedVersion"/> and returns the
    /// new version; otherwise throws <see cref="InconsistentStateException"/>.</summary>
    Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Clears the state if the stored version is <paramref name="expectedVersion"/> and returns the new version
    /// (0 when nothing was ever stored); otherwise throws <see cref="InconsistentStateException"/>.</summary>
    Task<long> ClearAsync(GrainStateKey key, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Whether a cache last known current at <paramref name="lastReadAt"/> may be used without asking storage,
    /// given what this node hears about other nodes' writes.</summary>
    bool IsCacheTrusted(DateTimeOffset lastReadAt);
}
