namespace NordeaConnect.Grains.Runtime.Storage.InMemory;

/// <summary>Grain state in this process's memory: one node only, lost at exit. Stores JSON so that states behave as
/// they would in a database (no shared object references).</summary>
internal sealed class InMemoryGrainStorage : IGrainStorage
{
    private readonly Dictionary<GrainStateKey, StoredState> _states = [];
    private readonly Lock _gate = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StoredState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_states.GetValueOrDefault(key));
        }
    }

    public Task<StoredState?> ReadIfChangedAsync(GrainStateKey key, long knownVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stored = _states.GetValueOrDefault(key) ?? new StoredState(null, 0);
            return Task.FromResult(stored.Version == knownVersion ? null : stored);
        }
    }

    public Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = CheckVersion(key, expectedVersion);
            _states[key] = new StoredState(json, current + 1);
            return Task.FromResult(current + 1);
        }
    }

    public Task<long> ClearAsync(GrainStateKey key, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = CheckVersion(key, expectedVersion);
            if (current == 0)
            {
                return Task.FromResult(0L);
            }

            _states[key] = new StoredState(null, current + 1);
            return Task.FromResult(current + 1);
        }
    }

    public bool IsCacheTrusted(DateTimeOffset lastReadAt) => true;

    private long CheckVersion(GrainStateKey key, long expectedVersion)
    {
        var current = _states.GetValueOrDefault(key)?.Version ?? 0;
        if (current != expectedVersion)
        {
            throw new InconsistentStateException(key.GrainId, key.StateName, expectedVersion, current == 0 ? null : current);
        }

        return current;
    }
}
