using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class FailureTests
{
    [Fact]
    public async Task Exception_fails_that_call_only()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("failing");
        await counter.IncrementAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FailAfterSettingAsync(99).Within());

        Assert.Equal("Refused after setting the state.", error.Message);
        Assert.Equal(2, await counter.IncrementAsync().Within());
        Assert.Equal(1, node.Log.Activations(counter.GetGrainId()));
    }

    [Fact]
    public async Task State_assigned_by_a_failed_turn_is_discarded()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("discard");
        await counter.IncrementAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.FailAfterSettingAsync(99));

        Assert.Equal(1, await counter.GetAsync());
    }

    [Fact]
    public async Task Turn_past_the_turn_timeout_is_canceled_and_other_grains_keep_running()
    {
        await using var node = TestNode.Create(o => o.TurnTimeout = TimeSpan.FromMilliseconds(200));
        var hanging = node.Grains.GetGrain<IHangingGrain>("timeout");
        var started = TestGates.NewName("hang");

        var hang = hanging.HangAsync(started, CancellationToken.None);
        await TestGates.WaitAsync(started).Within();
        Assert.Equal(1, await node.Grains.GetGrain<IHangingGrain>("other").PingAsync().Within());

        var error = await Assert.ThrowsAsync<TimeoutException>(() => hang.Within());
        Assert.Contains("HangingGrain/timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("turn timeout", error.Message, StringComparison.Ordinal);
        Assert.True(await hanging.LastHangWasCanceledAsync().Within());
    }

    [Fact]
    public async Task Caller_cancellation_cancels_the_turn()
    {
        await using var node = TestNode.Create();
        var hanging = node.Grains.GetGrain<IHangingGrain>("canceled");
        var started = TestGates.NewName("hang");
        using var caller = new CancellationTokenSource();

        var hang = hanging.HangAsync(started, caller.Token);
        await TestGates.WaitAsync(started).Within();
        await caller.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hang.Within());
        Assert.Equal(caller.Token, error.CancellationToken);
        Assert.True(await hanging.LastHangWasCanceledAsync().Within());
    }

    [Fact]
    public async Task Turn_ignoring_its_token_answers_the_caller_at_the_timeout_and_holds_only_its_own_grain()
    {
        await using var node = TestNode.Create(o => o.TurnTimeout = TimeSpan.FromMilliseconds(200));
        var stuck = node.Grains.GetGrain<IHangingGrain>("stuck");
        var release = TestGates.NewName("release");

        await Assert.ThrowsAsync<TimeoutException>(() => stuck.HangIgnoringTokenAsync(release).Within());
        var queued = stuck.PingAsync();
        Assert.Equal(1, await node.Grains.GetGrain<IHangingGrain>("free").PingAsync().Within());
        Assert.False(queued.IsCompleted);

        // Turns stay one at a time: the queued call runs once the stuck turn really returns.
        TestGates.Open(release);
        Assert.Equal(1, await queued.Within());
    }

    [Fact]
    public async Task Call_canceled_while_queued_never_runs()
    {
        await using var node = TestNode.Create();
        var grain = node.Grains.GetGrain<IHangingGrain>("queued");
        var release = TestGates.NewName("release");
        using var caller = new CancellationTokenSource();

        var blocker = grain.HangIgnoringTokenAsync(release);
        var queued = grain.PingWithTokenAsync(caller.Token);
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.Within());

        TestGates.Open(release);
        await blocker.Within();
        Assert.Equal(1, await grain.PingAsync().Within());
    }

    [Fact]
    public async Task Call_waiting_longer_than_the_queue_timeout_fails_without_running()
    {
        await using var node = TestNode.Create(o => o.QueueTimeout = TimeSpan.FromMilliseconds(200));
        var gate = TestGates.NewName("queue-timeout");
        var grain = node.Grains.GetGrain<IGateGrain>("queue-timeout");
        var blocker = grain.WaitForAsync(gate);

        var waiting = grain.OpenAsync(TestGates.NewName("unused"));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiting.Within());

        Assert.Contains("queue timeout", error.Message, StringComparison.Ordinal);
        TestGates.Open(gate);
        await blocker.Within();
    }
}
