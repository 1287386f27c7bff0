namespace NordeaConnect.Grains.Runtime.Storage.InMemory;

/// <summary>For one-node storage: a turn is already exclusive because each key has one activation.</summary>
internal sealed class LocalTurnLock : IGrainTurnLock
{
    public ValueTask<IAsyncDisposable?> AcquireAsync(GrainId grainId, CancellationToken cancellationToken) => default;
}
