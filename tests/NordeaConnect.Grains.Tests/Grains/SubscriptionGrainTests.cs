using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

public sealed class SubscriptionGrainTests
{
    [Fact]
    public async Task Concurrent_debt_additions_all_land()
    {
        await using var node = await FakeNode.StartAsync();
        node.Subscriptions.Add(5, debt: -3.00m);
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.AddDebtAsync(1.00m)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Equal(47.00m, node.Subscriptions.Stored(5).Debt);
    }

    [Fact]
    public async Task A_retried_debt_addition_is_added_once()
    {
        await using var node = await FakeNode.StartAsync();
        node.Subscriptions.Add(6);
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(6);

        await grain.AddDebtAsync(2.50m, "debt-1");
        var retry = await grain.AddDebtAsync(2.50m, "debt-1");

        Assert.True(retry.Replayed);
        Assert.Equal(2.50m, node.Subscriptions.Stored(6).Debt);
        Assert.Equal(ResultCode.IdempotencyKeyReused, (await grain.AddDebtAsync(3.00m, "debt-1")).Code);
    }

    [Fact]
    public async Task Debt_is_read_fresh_so_a_charge_by_the_billing_engine_is_not_overwritten()
    {
        await using var node = await FakeNode.StartAsync(options => options.MutationStaleness = TimeSpan.FromHours(1));
        node.Subscriptions.Add(7, debt: 10.00m);
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(7);
        await grain.AddDebtAsync(1.00m);
        node.Subscriptions.Replace(node.Subscriptions.Stored(7) with { Debt = 0m });

        await grain.AddDebtAsync(1.00m);

        Assert.Equal(1.00m, node.Subscriptions.Stored(7).Debt);
    }

    [Fact]
    public async Task A_lost_debt_update_is_reconciled_by_the_debt_upstream()
    {
        await using var node = await FakeNode.StartAsync();
        node.Subscriptions.Add(8, debt: 1.00m);
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(8);
        node.Subscriptions.Script.Queue("update", UpstreamMishap.ApplyThenLoseAnswer);
        node.Subscriptions.Script.Queue("update", UpstreamMishap.LoseWithoutApplying);

        var applied = await grain.AddDebtAsync(1.00m, "a");
        var notApplied = await grain.AddDebtAsync(1.00m, "b");
        var retried = await grain.AddDebtAsync(1.00m, "b");

        Assert.True(applied.Succeeded, applied.Description);
        Assert.Equal(ResultCode.UpstreamUnavailable, notApplied.Code);
        Assert.True(retried.Succeeded, retried.Description);
        Assert.Equal(3.00m, node.Subscriptions.Stored(8).Debt);
        var journal = await grain.GetJournalAsync();
        Assert.Contains("the value the PUT set", journal.Single(entry => entry.Key == "a").Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updates_merge_metadata_and_refuse_nonsense()
    {
        await using var node = await FakeNode.StartAsync();
        node.Subscriptions.Replace(node.Subscriptions.Add(9) with { Metadata = System.Text.Json.JsonDocument.Parse("""{"a":1}""").RootElement });
        var grain = node.Grains.GetGrain<ISubscriptionGrain>(9);

        var updated = await grain.UpdateAsync(new SubscriptionUpdateRequest { Status = "CANCELLED", Metadata = System.Text.Json.JsonDocument.Parse("""{"b":2}""").RootElement });

        Assert.True(updated.Succeeded, updated.Description);
        Assert.Equal("cancelled", node.Subscriptions.Stored(9).Status);
        Assert.Equal("""{"a":1,"b":2}""", node.Subscriptions.Stored(9).Metadata!.Value.GetRawText());
        Assert.Equal(ResultCode.InvalidArgument, (await grain.UpdateAsync(new SubscriptionUpdateRequest { Status = "paused" })).Code);
        Assert.Equal(ResultCode.InvalidArgument, (await grain.UpdateAsync(new SubscriptionUpdateRequest())).Code);
        Assert.Equal(ResultCode.InvalidAmount, (await grain.AddDebtAsync(0.001m)).Code);
    }
}
