namespace NordeaConnect.Grains.Runtime.Storage;

/// <summary>Makes an exclusive turn exclusive across the nodes that share a storage.</summary>
internal interface IGrainTurnLock
{
    /// <summary>Waits (bounded) for the grain's lock; the returned lease releases it. Null when no cross-node lock is needed.</summary>
    ValueTask<IAsyncDisposable?> AcquireAsync(GrainId grainId, CancellationToken cancellationToken);
}
