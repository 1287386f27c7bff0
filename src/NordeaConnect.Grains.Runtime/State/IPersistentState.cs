namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// One named piece of a grain's durable state, cached in the activation. The runtime reads it before
/// <see cref="Grain.OnActivateAsync"/> and refreshes it before a turn when another node wrote it (see README, "State").
/// Assign <see cref="State"/> (immutable records changed with <c>with</c>) and call <see cref="WriteStateAsync"/>.
/// </summary>
public interface IPersistentState<TState>
{
    /// <summary>The cached state. When no record exists it is a new <typeparamref name="TState"/> if the type has a
    /// public parameterless constructor, otherwise <c>default</c>.</summary>
    TState State { get; set; }

    /// <summary>The stored version this cache corresponds to, as text; null when the state was never stored.</summary>
    string? Etag { get; }

    /// <summary>The stored version as a number; 0 when the state was never stored. Each write or clear adds one.</summary>
    long Version { get; }

    /// <summary>Whether a record with state exists in storage (false before the first write and after a clear).</summary>
    bool RecordExists { get; }

    /// <summary>When this cache was last known to equal storage (its last read, refresh, write or clear); null before the first read.
    /// A grain serving reads from cache can compare it with its own bound.</summary>
    DateTimeOffset? LastReadAt { get; }

    /// <summary>Replaces the cache with what storage holds.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/> if storage still holds <see cref="Etag"/>; otherwise throws
    /// <see cref="InconsistentStateException"/> and the runtime reloads the state before the next turn.</summary>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes the stored state (keeping its version sequence) and resets <see cref="State"/> to its initial value.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
