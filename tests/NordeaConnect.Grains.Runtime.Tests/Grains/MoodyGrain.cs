using System.Collections.Concurrent;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public interface IMoodyGrain : IGrainWithStringKey
{
    Task<int> PingAsync();

    Task CreateStateLateAsync();
}

/// <summary>Misbehaves in its lifecycle according to its key's prefix.</summary>
internal sealed class MoodyGrain(LifecycleLog log, IPersistentStateFactory states) : Grain, IMoodyGrain
{
    private static readonly ConcurrentDictionary<GrainId, int> ActivationAttempts = new();
    private int _pings;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var attempt = ActivationAttempts.AddOrUpdate(GrainId, 1, (_, n) => n + 1);
        var key = this.GetPrimaryKeyString();
        if (key.StartsWith("throw-once:", StringComparison.Ordinal) && attempt == 1)
        {
            await TestGates.WaitAsync("activate:" + GrainId, CancellationToken.None);
            throw new InvalidOperationException("Activation failed once.");
        }

        if (key.StartsWith("hang-activate:", StringComparison.Ordinal))
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        log.Activated(GrainId);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (this.GetPrimaryKeyString().StartsWith("hang-deactivate:", StringComparison.Ordinal))
        {
            await TestGates.WaitAsync("hang-deactivate:" + GrainId, CancellationToken.None);
        }

        log.Deactivated(GrainId, reason.ReasonCode);
    }

    public Task<int> PingAsync() => Task.FromResult(++_pings);

    public Task CreateStateLateAsync()
    {
        states.Create<CounterState>(this, "late");
        return Task.CompletedTask;
    }
}
