using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>A service the test grains take by injection and record their activations and deactivations in.</summary>
internal sealed class LifecycleLog
{
    private readonly ConcurrentQueue<(string Event, GrainId Grain, DeactivationReasonCode? Reason)> _events = new();
    private readonly ConcurrentDictionary<GrainId, TaskCompletionSource<DeactivationReasonCode>> _deactivations = new();

    public void Activated(GrainId grain) => _events.Enqueue(("activated", grain, null));

    public void Deactivated(GrainId grain, DeactivationReasonCode reason)
    {
        _events.Enqueue(("deactivated", grain, reason));
        DeactivationOf(grain).TrySetResult(reason);
    }

    public int Activations(GrainId grain) => _events.Count(e => e.Event == "activated" && e.Grain == grain);

    public IReadOnlyList<DeactivationReasonCode> Deactivations(GrainId grain) =>
        _events.Where(e => e.Event == "deactivated" && e.Grain == grain).Select(e => e.Reason!.Value).ToList();

    /// <summary>Completes with the reason when <paramref name="grain"/> next deactivates (or already has).</summary>
    public Task<DeactivationReasonCode> WhenDeactivated(GrainId grain) => DeactivationOf(grain).Task;

    private TaskCompletionSource<DeactivationReasonCode> DeactivationOf(GrainId grain) =>
        _deactivations.GetOrAdd(grain, _ => new TaskCompletionSource<DeactivationReasonCode>(TaskCreationOptions.RunContinuationsAsynchronously));
}
