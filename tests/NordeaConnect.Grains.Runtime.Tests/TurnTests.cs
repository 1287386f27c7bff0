using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Calls_to_one_grain_run_in_arrival_order()
    {
        await using var node = TestNode.Create();
        var recorder = node.Grains.GetGrain<IRecorderGrain>(1);

        var calls = Enumerable.Range(0, 500).Select(recorder.AppendAsync).ToList();
        await Task.WhenAll(calls).Within();

        Assert.Equal(Enumerable.Range(0, 500), await recorder.GetAsync());
    }

    [Fact]
    public async Task Turns_of_one_grain_never_overlap_even_across_awaits()
    {
        await using var node = TestNode.Create();
        var recorder = node.Grains.GetGrain<IRecorderGrain>(2);

        var calls = Enumerable.Range(0, 50).Select(i => recorder.AppendSlowlyAsync(i).AsTask()).ToList();
        var counts = await Task.WhenAll(calls).Within();

        Assert.Equal(1, await recorder.MaxConcurrencyAsync());
        Assert.Equal(Enumerable.Range(1, 50), counts);
        Assert.Equal(Enumerable.Range(0, 50), await recorder.GetAsync());
    }

    [Fact]
    public async Task Different_keys_run_in_parallel()
    {
        await using var node = TestNode.Create();
        var gate = TestGates.NewName("parallel");

        // Key "a" waits inside its turn until key "b" opens the gate: that only finishes if "b" runs meanwhile.
        var waiting = node.Grains.GetGrain<IGateGrain>("a").WaitForAsync(gate);
        await node.Grains.GetGrain<IGateGrain>("b").OpenAsync(gate).Within();

        await waiting.Within();
    }

    [Fact]
    public async Task One_activation_serves_every_reference_to_a_key()
    {
        await using var node = TestNode.Create();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => node.Grains.GetGrain<ICounterGrain>("shared").IncrementAsync())).Within();

        Assert.Equal(20, await node.Grains.GetGrain<ICounterGrain>("shared").GetAsync());
        Assert.Equal(1, node.Log.Activations(node.Grains.GetGrain<ICounterGrain>("shared").GetGrainId()));
        Assert.Equal(1, node.Collector.LiveActivationCount);
    }

    [Fact]
    public async Task Grain_calling_itself_fails_with_a_reentrancy_error_instead_of_deadlocking()
    {
        await using var node = TestNode.Create();
        var grain = node.Grains.GetGrain<ICallerGrain>("self");

        var error = await Assert.ThrowsAsync<ReentrantGrainCallException>(() => grain.CallSelfAsync().Within());

        Assert.Equal(grain.GetGrainId(), error.Target);
        Assert.Contains("not reentrant", error.Message, StringComparison.Ordinal);
        Assert.Equal("pong:self", await grain.PingAsync().Within());
    }

    [Fact]
    public async Task Call_cycle_through_another_grain_fails_with_the_chain_named()
    {
        await using var node = TestNode.Create();
        var a = node.Grains.GetGrain<ICallerGrain>("cycle-a");

        var error = await Assert.ThrowsAsync<ReentrantGrainCallException>(() => a.CallThroughAsync("cycle-b", "cycle-a").Within());

        Assert.Equal(["CallerGrain/cycle-a", "CallerGrain/cycle-b"], error.CallChain.Select(g => g.ToString()));
    }

    [Fact]
    public async Task Grain_may_call_another_grain()
    {
        await using var node = TestNode.Create();

        Assert.Equal("pong:b", await node.Grains.GetGrain<ICallerGrain>("a").CallOtherAsync("b").Within());
        Assert.Equal("pong:c", await node.Grains.GetGrain<ICallerGrain>("a").CallThroughAsync("b", "c").Within());
    }

    [Fact]
    public async Task Every_supported_method_shape_round_trips()
    {
        await using var node = TestNode.Create();
        var grain = node.Grains.GetGrain<IShapesGrain>(-42);

        await grain.DoAsync();
        await grain.DoValueAsync();
        Assert.Equal(new Pair("ab", 3), await grain.CombineAsync("b", 2, new Pair("a", 1)));
        Assert.Equal(new Pair("x", 5), await grain.CombineAsync("x", 5, null));
        Assert.Equal(7, await grain.AddAsync(3, 4L, CancellationToken.None));
        Assert.True(await grain.TokenCanBeCanceledAsync(CancellationToken.None));
        Assert.Equal(5, await grain.CallsAsync());
        Assert.Equal(-42, await node.Grains.GetGrain<IRecorderGrain>(-42).KeyAsync());
        Assert.Equal("ShapesGrain/-42", grain.GetGrainId().ToString());
    }
}
