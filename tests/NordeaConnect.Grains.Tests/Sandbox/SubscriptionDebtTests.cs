using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

public sealed class SubscriptionDebtTests
{
    [Fact]
    public async Task Two_hundred_concurrent_debt_additions_over_two_nodes_end_at_exactly_their_sum_upstream()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var cluster = await SandboxNode.StartAsync(sandbox, postgres);
        var id = await SandboxSubscriptions.StartAsync(sandbox, cluster);
        var nodes = new[] { cluster.On(0), cluster.On(1) };
        var started = await cluster.Client.Subscriptions.GetAsync(id);
        Assert.True(started.NextAt > DateTimeOffset.UtcNow.AddDays(7), "the billing engine must not charge (and consume the debt) during the test");
        var before = started.Debt ?? 0m;

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => nodes[i % 2].GetGrain<ISubscriptionGrain>(id).AddDebtAsync(1.00m)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Equal(before + 200.00m, (await cluster.Client.Subscriptions.GetAsync(id)).Debt);
        Assert.Equal(200, cluster.UpstreamCalls["PUT /v1/subscriptions/{id}"]);
    }

    [Fact]
    public async Task A_debt_update_applied_but_unanswered_is_reconciled_by_reading_the_debt()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var node = await SandboxNode.StartAsync(sandbox, postgres);
        var id = await SandboxSubscriptions.StartAsync(sandbox, node);
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(id);
        var before = (await node.Client.Subscriptions.GetAsync(id)).Debt ?? 0m;
        sandbox.Faults.Add(new NordeaConnect.Sandbox.Faults.FaultRuleSpec { Method = "PUT", Path = "/v1/subscriptions/*", Fault = NordeaConnect.Sandbox.Faults.FaultKind.ApplyThenDrop, Count = 1 });

        var lost = await grain.AddDebtAsync(-12.50m, "discount");
        var retry = await grain.AddDebtAsync(-12.50m, "discount");

        Assert.True(lost.Succeeded, lost.Description);
        Assert.True(retry.Replayed);
        Assert.Equal(before - 12.50m, (await node.Client.Subscriptions.GetAsync(id)).Debt);
        Assert.Equal(1, node.UpstreamCalls["PUT /v1/subscriptions/{id}"]);
        Assert.Contains("the value the PUT set", (await grain.GetJournalAsync()).Single().Notes[^1].Text, StringComparison.Ordinal);
    }
}
