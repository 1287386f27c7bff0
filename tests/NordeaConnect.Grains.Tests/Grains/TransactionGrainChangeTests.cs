using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

/// <summary>
/// What the gateway used to do around a transaction's grain and the grain now does itself: count the changes,
/// announce them in order, capture all when no amount is given, show a refund as a change of its transaction, and
/// pass the caller's locale upstream.
/// </summary>
public sealed class TransactionGrainChangeTests
{
    [Fact]
    public async Task Each_change_is_counted_in_the_grain_state_and_announced_in_order_and_reads_and_replays_count_nothing()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("authorized", "50.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var read = await grain.GetAsync();
        var captured = await grain.CaptureAsync(Amount.Parse("50.00"), "capture");
        var replayed = await grain.CaptureAsync(Amount.Parse("50.00"), "capture");
        var refunded = await grain.RefundAsync(Amount.Parse("5.00"), "damaged", "refund");
        await node.CollectAllAsync();
        var afterRestart = await grain.GetAsync(TimeSpan.MaxValue);

        Assert.Equal(new EntityChange(1, "refreshed"), read.Value!.Change);
        Assert.Equal(new EntityChange(2, "captured"), captured.Value!.Change);
        Assert.Equal(new EntityChange(2, "captured"), replayed.Value!.Change);
        Assert.True(refunded.Succeeded, refunded.Description);
        Assert.Equal(new EntityChange(3, "refunded"), afterRestart.Value!.Change);
        var announced = node.Changes.Of<TransactionSnapshot>(transaction.Id);
        Assert.Equal([new EntityChange(2, "captured"), new EntityChange(3, "refunded")], announced.Select(c => c.Change));
        // The refund is in the transaction state its watchers are sent: no second read is needed to show it.
        Assert.Equal(refunded.Value!.Id, Assert.Single(announced[^1].Snapshot.Refunds).Id);
        Assert.Equal(Amount.Parse("5.00"), announced[^1].Snapshot.RefundedAmount);
    }

    [Fact]
    public async Task A_capture_without_an_amount_captures_all_that_is_authorized()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("authorized", "42.50");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var captured = await grain.CaptureAsync(amount: null, "capture-all");
        var again = await grain.CaptureAsync(amount: null, "capture-all");

        Assert.True(captured.Succeeded, captured.Description);
        Assert.Equal(Amount.Parse("42.50"), node.Transactions.Stored(transaction.Id).Amount);
        Assert.Equal(Amount.Parse("42.50"), Assert.Single(await grain.GetJournalAsync()).Details.Amount);
        Assert.True(again.Replayed);
        Assert.Equal(1, node.Transactions.Calls["capture"]);
    }

    [Fact]
    public async Task A_capture_without_an_amount_of_a_transaction_not_authorized_is_refused_as_not_authorized()
    {
        await using var node = await FakeNode.StartAsync();
        var grain = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("approved", "42.50").Id);

        Assert.Equal(ResultCode.CaptureNotAuthorized, (await grain.CaptureAsync(amount: null)).Code);
        Assert.Equal(0, node.Transactions.Calls["capture"]);
    }

    [Fact]
    public async Task The_callers_locale_reaches_the_upstream_capture_and_refund()
    {
        await using var node = await FakeNode.StartAsync();
        var grain = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("authorized", "50.00").Id);

        await grain.CaptureAsync(Amount.Parse("50.00"), "c", locale: "sv");
        await grain.RefundAsync(Amount.Parse("1.00"), "r", "r1", locale: "en");
        await grain.RefundAsync(Amount.Parse("1.00"), "r", "r2");

        Assert.Equal(["sv", "en", null], node.Transactions.Locales);
    }

    [Fact]
    public async Task A_webhook_refresh_announces_a_change_only_when_upstream_shows_something_new()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("authorized", "50.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        await grain.GetAsync();

        var unchanged = await grain.NotifyChangedAsync();
        node.Transactions.Replace(node.Transactions.Stored(transaction.Id) with { Status = "approved" });
        var changed = await Task.WhenAll(grain.NotifyChangedAsync(), grain.NotifyChangedAsync());

        Assert.True(unchanged.Replayed);
        Assert.Equal(new EntityChange(1, "refreshed"), unchanged.Value!.Change);
        // Two deliveries of one webhook at once: the grain runs them one after the other, so one change is counted.
        Assert.Single(changed, result => !result.Replayed);
        Assert.All(changed, result => Assert.Equal(new EntityChange(2, "webhook"), result.Value!.Change));
        var announced = Assert.Single(node.Changes.Of<TransactionSnapshot>(transaction.Id));
        Assert.Equal("approved", announced.Snapshot.Status);
    }
}
