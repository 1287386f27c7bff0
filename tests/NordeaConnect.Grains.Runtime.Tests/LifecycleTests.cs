using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Failed_activation_fails_the_waiting_calls_and_the_next_call_gets_a_fresh_activation()
    {
        await using var node = TestNode.Create();
        var grain = node.Grains.GetGrain<IMoodyGrain>("throw-once:" + Guid.NewGuid().ToString("N"));

        var first = grain.PingAsync();
        var queued = grain.PingAsync();
        TestGates.Open("activate:" + grain.GetGrainId());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first.Within());
        Assert.Equal("Activation failed once.", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => queued.Within());

        Assert.Equal(1, await grain.PingAsync().Within());
        Assert.Equal(1, node.Log.Activations(grain.GetGrainId()));
    }

    [Fact]
    public async Task OnActivateAsync_ignoring_its_token_is_bounded_by_the_turn_timeout()
    {
        await using var node = TestNode.Create(o => o.TurnTimeout = TimeSpan.FromMilliseconds(200));
        var grain = node.Grains.GetGrain<IMoodyGrain>("hang-activate:" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.PingAsync().Within());

        Assert.Contains("OnActivateAsync", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, node.Collector.LiveActivationCount);
    }

    [Fact]
    public async Task OnDeactivateAsync_ignoring_its_token_is_bounded_and_the_key_gets_a_fresh_activation()
    {
        await using var node = TestNode.Create(o => o.DeactivationTimeout = TimeSpan.FromMilliseconds(200));
        var grain = node.Grains.GetGrain<IMoodyGrain>("hang-deactivate:" + Guid.NewGuid().ToString("N"));
        Assert.Equal(1, await grain.PingAsync());

        Assert.Equal(1, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());

        Assert.Equal(1, await grain.PingAsync().Within());
        Assert.Equal(2, node.Log.Activations(grain.GetGrainId()));
        TestGates.Open("hang-deactivate:" + grain.GetGrainId());
    }

    [Fact]
    public async Task Persistent_state_created_after_the_constructor_is_refused()
    {
        await using var node = TestNode.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.Grains.GetGrain<IMoodyGrain>("late").CreateStateLateAsync().Within());

        Assert.Contains("in the grain's constructor", error.Message, StringComparison.Ordinal);
    }
}
