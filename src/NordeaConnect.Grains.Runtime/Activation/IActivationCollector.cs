namespace NordeaConnect.Grains.Runtime;

/// <summary>Live activations, and collection on demand (the runtime also collects on its own timer).</summary>
public interface IActivationCollector
{
    /// <summary>Activations currently in this node's directory.</summary>
    int LiveActivationCount { get; }

    /// <summary>Deactivates every activation idle for at least <see cref="GrainRuntimeOptions.IdleCollectionAge"/>;
    /// returns how many were deactivated, once their OnDeactivateAsync has run.</summary>
    Task<int> CollectIdleAsync(CancellationToken cancellationToken = default);

    /// <summary>Deactivates every activation idle for at least <paramref name="idleAge"/> (zero: every idle one).</summary>
    Task<int> CollectIdleAsync(TimeSpan idleAge, CancellationToken cancellationToken = default);
}
