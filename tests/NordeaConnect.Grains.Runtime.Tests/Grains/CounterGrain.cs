using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests.Grains;

public sealed record CounterState
{
    public int Value { get; init; }
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string?> GetEtagAsync();

    Task<bool> RecordExistsAsync();

    Task<DateTimeOffset?> LastReadAtAsync();

    Task SetWithoutWritingAsync(int value);

    Task FailAfterSettingAsync(int value);

    Task ClearAsync();

    Task DeactivateOnIdleAsync();
}

public interface IExclusiveCounterGrain : IGrainWithStringKey
{
    [ExclusiveTurn]
    Task<int> IncrementExclusiveAsync();

    [ExclusiveTurn]
    Task HoldLockAsync(string started, string release, CancellationToken cancellationToken);

    [ExclusiveTurn]
    Task FailExclusiveAsync();
}

[GrainType("counter")]
internal sealed class CounterGrain : Grain, ICounterGrain, IExclusiveCounterGrain
{
    private readonly LifecycleLog _log;
    private readonly IPersistentState<CounterState> _counter;

    public CounterGrain(LifecycleLog log, [PersistentState("counter")] IPersistentState<CounterState> counter)
    {
        _log = log;
        _counter = counter;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log.Activated(GrainId);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await TestGates.WaitIfArmedAsync("deactivate:" + GrainId);
        _log.Deactivated(GrainId, reason.ReasonCode);
    }

    public async Task<int> IncrementAsync()
    {
        _counter.State = _counter.State with { Value = _counter.State.Value + 1 };
        await _counter.WriteStateAsync();
        return _counter.State.Value;
    }

    public Task<int> IncrementExclusiveAsync() => IncrementAsync();

    public Task<int> GetAsync() => Task.FromResult(_counter.State.Value);

    public Task<string?> GetEtagAsync() => Task.FromResult(_counter.Etag);

    public Task<bool> RecordExistsAsync() => Task.FromResult(_counter.RecordExists);

    public Task<DateTimeOffset?> LastReadAtAsync() => Task.FromResult(_counter.LastReadAt);

    public Task SetWithoutWritingAsync(int value)
    {
        _counter.State = _counter.State with { Value = value };
        return Task.CompletedTask;
    }

    public Task FailAfterSettingAsync(int value)
    {
        _counter.State = _counter.State with { Value = value };
        throw new InvalidOperationException("Refused after setting the state.");
    }

    public Task ClearAsync() => _counter.ClearStateAsync();

    public Task DeactivateOnIdleAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task HoldLockAsync(string started, string release, CancellationToken cancellationToken)
    {
        TestGates.Open(started);
        await TestGates.WaitAsync(release, cancellationToken);
    }

    public Task FailExclusiveAsync() => throw new InvalidOperationException("Failed inside an exclusive turn.");
}
