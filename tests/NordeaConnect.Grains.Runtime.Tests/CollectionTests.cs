using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task Activations_idle_past_the_collection_age_are_deactivated_and_their_state_survives()
    {
        var clock = new ManualTimeProvider();
        await using var node = TestNode.Create(o => o.IdleCollectionAge = TimeSpan.FromMinutes(15), clock);
        var old = node.Grains.GetGrain<ICounterGrain>("old");
        var recent = node.Grains.GetGrain<ICounterGrain>("recent");
        await old.IncrementAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        await recent.IncrementAsync();
        clock.Advance(TimeSpan.FromMinutes(6));

        var collected = await node.Collector.CollectIdleAsync().Within();

        Assert.Equal(1, collected);
        Assert.Equal([DeactivationReasonCode.ActivationIdle], node.Log.Deactivations(old.GetGrainId()));
        Assert.Empty(node.Log.Deactivations(recent.GetGrainId()));
        Assert.Equal(1, node.Collector.LiveActivationCount);

        Assert.Equal(2, await old.IncrementAsync().Within());
        Assert.Equal(2, node.Log.Activations(old.GetGrainId()));
    }

    [Fact]
    public async Task Collection_timer_deactivates_idle_activations_on_its_own()
    {
        var clock = new ManualTimeProvider();
        await using var node = TestNode.Create(
            o =>
            {
                o.IdleCollectionAge = TimeSpan.FromMinutes(1);
                o.CollectionInterval = TimeSpan.FromMilliseconds(20);
            },
            clock);
        var counter = node.Grains.GetGrain<ICounterGrain>("timer");
        await counter.IncrementAsync();

        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(DeactivationReasonCode.ActivationIdle, await node.Log.WhenDeactivated(counter.GetGrainId()).Within());
    }

    [Fact]
    public async Task Busy_activation_is_not_collected()
    {
        var clock = new ManualTimeProvider();
        await using var node = TestNode.Create(timeProvider: clock);
        var gate = TestGates.NewName("busy");
        var busy = node.Grains.GetGrain<IGateGrain>("busy").WaitForAsync(gate);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());

        TestGates.Open(gate);
        await busy.Within();
        Assert.Equal(1, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());
    }

    [Fact]
    public async Task Above_the_cap_the_least_recently_used_activation_is_collected()
    {
        var clock = new ManualTimeProvider();
        await using var node = TestNode.Create(o => o.MaxActivations = 3, clock);
        var first = node.Grains.GetGrain<ICounterGrain>("lru-1");
        var second = node.Grains.GetGrain<ICounterGrain>("lru-2");
        var third = node.Grains.GetGrain<ICounterGrain>("lru-3");
        await first.IncrementAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await second.IncrementAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await third.IncrementAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        // Touch the first again so that the second is now the least recently used.
        await first.IncrementAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await node.Grains.GetGrain<ICounterGrain>("lru-4").IncrementAsync();

        Assert.Equal(DeactivationReasonCode.ActivationLimitExceeded, await node.Log.WhenDeactivated(second.GetGrainId()).Within());
        Assert.Empty(node.Log.Deactivations(first.GetGrainId()));
        Assert.Empty(node.Log.Deactivations(third.GetGrainId()));
        Assert.Equal(2, await second.IncrementAsync().Within());
    }

    [Fact]
    public async Task State_assigned_but_not_written_is_written_at_deactivation()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("dirty");
        await counter.SetWithoutWritingAsync(41);

        Assert.Equal(1, await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within());

        Assert.Equal(42, await counter.IncrementAsync().Within());
        Assert.Equal(2, node.Log.Activations(counter.GetGrainId()));
    }

    [Fact]
    public async Task Call_arriving_while_its_activation_deactivates_gets_a_fresh_activation_after_the_old_one_wrote()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("handover");
        var deactivationGate = "deactivate:" + counter.GetGrainId();
        TestGates.Arm(deactivationGate);
        await counter.SetWithoutWritingAsync(10);

        var collecting = node.Collector.CollectIdleAsync(TimeSpan.Zero);
        var arriving = counter.IncrementAsync();
        Assert.False(arriving.IsCompleted);

        TestGates.Open(deactivationGate);
        await collecting.Within();
        Assert.Equal(11, await arriving.Within());
        Assert.Equal(2, node.Log.Activations(counter.GetGrainId()));
    }

    [Fact]
    public async Task DeactivateOnIdle_deactivates_after_the_turn_and_the_next_call_reactivates()
    {
        await using var node = TestNode.Create();
        var counter = node.Grains.GetGrain<ICounterGrain>("on-idle");
        await counter.IncrementAsync();

        await counter.DeactivateOnIdleAsync();

        Assert.Equal(DeactivationReasonCode.ApplicationRequested, await node.Log.WhenDeactivated(counter.GetGrainId()).Within());
        Assert.Equal(2, await counter.IncrementAsync().Within());
        Assert.Equal(2, node.Log.Activations(counter.GetGrainId()));
    }

    [Fact]
    public async Task Disposing_the_runtime_deactivates_every_activation_and_refuses_new_calls()
    {
        var node = TestNode.Create();
        var grains = Enumerable.Range(0, 5).Select(i => node.Grains.GetGrain<ICounterGrain>("shutdown-" + i)).ToList();
        await Task.WhenAll(grains.Select(g => g.SetWithoutWritingAsync(5)));

        await node.DisposeAsync();

        foreach (var grain in grains)
        {
            Assert.Equal([DeactivationReasonCode.ShuttingDown], node.Log.Deactivations(grain.GetGrainId()));
        }

        Assert.Equal(0, node.Collector.LiveActivationCount);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grains[0].GetAsync().Within());
        Assert.Contains("stopping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosted_service_stop_deactivates_every_activation()
    {
        await using var node = TestNode.Create();
        await node.StartAsync();
        var counter = node.Grains.GetGrain<ICounterGrain>("hosted");
        await counter.SetWithoutWritingAsync(3);

        foreach (var service in node.Services.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None).Within();
        }

        Assert.Equal([DeactivationReasonCode.ShuttingDown], node.Log.Deactivations(counter.GetGrainId()));
        Assert.Equal(0, node.Collector.LiveActivationCount);
    }
}
