using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

public sealed class TransactionGrainRefundTests
{
    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_recorded_refund_without_calling_upstream()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var first = await grain.RefundAsync(Amount.Parse("10.00"), "damaged", "refund-1");
        var retry = await grain.RefundAsync(Amount.Parse("10.00"), "damaged", "refund-1");

        Assert.True(first.Succeeded, first.Description);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Code, retry.Code);
        Assert.Equal(first.Value!.Id, retry.Value!.Id);
        Assert.Equal(1, node.Transactions.Calls["refund"]);
        Assert.Single(node.Transactions.Stored(transaction.Id).Refunds);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_without_calling_upstream()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        await grain.RefundAsync(Amount.Parse("10.00"), "damaged", "refund-1");

        var otherAmount = await grain.RefundAsync(Amount.Parse("11.00"), "damaged", "refund-1");
        var otherReason = await grain.RefundAsync(Amount.Parse("10.00"), "late", "refund-1");

        Assert.Equal(ResultCode.IdempotencyKeyReused, otherAmount.Code);
        Assert.Equal(ResultCode.IdempotencyKeyReused, otherReason.Code);
        Assert.Equal(1, node.Transactions.Calls["refund"]);
    }

    [Fact]
    public async Task Refunds_beyond_what_is_left_are_refused_before_upstream()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "10.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => grain.RefundAsync(Amount.Parse("1.00"), "part", "r" + i)));

        Assert.Equal(10, results.Count(result => result.Succeeded));
        Assert.All(results.Where(result => !result.Succeeded), result => Assert.Equal(ResultCode.RefundExceedsAvailable, result.Code));
        Assert.Equal(10, node.Transactions.Calls["refund"]);
        // Refusals before upstream are not journaled: nothing happened, and a later retry is judged afresh.
        Assert.Equal(10, (await grain.GetJournalAsync()).Count);
    }

    [Fact]
    public async Task A_lost_answer_is_reconciled_in_the_same_call_and_the_journal_says_so()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        node.Transactions.Script.Queue("refund", UpstreamMishap.ApplyThenLoseAnswer);

        var result = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "refund-lost");
        var retry = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "refund-lost");

        Assert.True(result.Succeeded, result.Description);
        Assert.Equal(node.Transactions.Stored(transaction.Id).Refunds.Single().Id, result.Value!.Id);
        Assert.True(retry.Replayed);
        Assert.Equal(1, node.Transactions.Calls["refund"]);
        var entry = Assert.Single(await grain.GetJournalAsync());
        Assert.Equal(JournalStatus.Done, entry.Status);
        Assert.Collection(
            entry.Notes,
            note => Assert.Equal("Intent recorded.", note.Text),
            note => Assert.StartsWith("Outcome unknown", note.Text, StringComparison.Ordinal),
            note => Assert.Contains("Reconciled as Done", note.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lost_call_that_never_applied_is_not_done_and_the_same_key_tries_again()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        node.Transactions.Script.Queue("refund", UpstreamMishap.LoseWithoutApplying);

        var lost = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "refund-lost");
        var retry = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "refund-lost");

        Assert.Equal(ResultCode.UpstreamUnavailable, lost.Code);
        Assert.True(retry.Succeeded, retry.Description);
        Assert.False(retry.Replayed);
        Assert.Single(node.Transactions.Stored(transaction.Id).Refunds);
        var entry = Assert.Single(await grain.GetJournalAsync());
        Assert.Equal(2, entry.Attempts);
        Assert.Contains(entry.Notes, note => note.Text.Contains("Reconciled as NotDone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_an_operation_is_in_doubt_and_upstream_unreadable_nothing_new_is_sent()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        await grain.GetAsync();
        node.Transactions.Script.Queue("refund", UpstreamMishap.ApplyThenLoseAnswer);
        node.Transactions.Script.ReadsUnreachable = true;

        var inDoubt = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "in-doubt");
        var blocked = await grain.RefundAsync(Amount.Parse("1.00"), "other", "other");

        Assert.Equal(ResultCode.OutcomeUnknown, inDoubt.Code);
        Assert.Equal(ResultCode.OutcomeUnknown, blocked.Code);
        Assert.Contains("in-doubt", blocked.Description, StringComparison.Ordinal);
        Assert.Equal(1, node.Transactions.Calls["refund"]);

        node.Transactions.Script.ReadsUnreachable = false;
        var later = await grain.RefundAsync(Amount.Parse("1.00"), "other", "other");
        var learned = await grain.RefundAsync(Amount.Parse("25.00"), "lost", "in-doubt");

        Assert.True(later.Succeeded, later.Description);
        Assert.True(learned.Replayed);
        Assert.True(learned.Succeeded, learned.Description);
        Assert.Equal(2, node.Transactions.Stored(transaction.Id).Refunds.Count);
    }

    [Fact]
    public async Task An_intent_left_by_a_crash_is_reconciled_at_the_next_activation_before_any_call()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        node.Transactions.Script.Queue("refund", UpstreamMishap.ApplyThenCrash);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => grain.RefundAsync(Amount.Parse("60.00"), "crash", "crashed"));
        Assert.Equal(JournalStatus.Intent, Assert.Single(await grain.GetJournalAsync()).Status);
        await node.CollectAllAsync();

        // The first call of the new activation finds the journal settled: the 60.00 counts, so 50.00 more does not fit.
        var next = await grain.RefundAsync(Amount.Parse("50.00"), "more", "next");

        Assert.Equal(ResultCode.RefundExceedsAvailable, next.Code);
        var entry = (await grain.GetJournalAsync()).Single(e => e.Key == "crashed");
        Assert.Equal(JournalStatus.Done, entry.Status);
        Assert.Contains("new since the intent", entry.Notes[^1].Text, StringComparison.Ordinal);
        Assert.Single(node.Transactions.Stored(transaction.Id).Refunds);
    }

    [Fact]
    public async Task A_refund_refused_upstream_is_recorded_as_failed_and_replayed()
    {
        await using var node = await FakeNode.StartAsync(options => options.MutationStaleness = TimeSpan.FromHours(1));
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        await grain.GetAsync();
        // Someone refunds outside this service; the cache does not know yet, so upstream is the one to refuse.
        node.Transactions.Replace(node.Transactions.Stored(transaction.Id) with { Refunds = [Snapshots.Refund(99, "100.00") with { TransactionId = transaction.Id }] });

        var refused = await grain.RefundAsync(Amount.Parse("5.00"), "x", "k");
        var replay = await grain.RefundAsync(Amount.Parse("5.00"), "x", "k");

        Assert.Equal(ResultCode.UpstreamRejected, refused.Code);
        Assert.True(replay.Replayed);
        Assert.Equal(ResultCode.UpstreamRejected, replay.Code);
        Assert.Equal(JournalStatus.Failed, Assert.Single(await grain.GetJournalAsync()).Status);
        Assert.Equal(1, node.Transactions.Calls["refund"]);
    }

    [Fact]
    public async Task A_refund_without_a_reason_or_with_a_malformed_key_is_refused()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        Assert.Equal(ResultCode.InvalidArgument, (await grain.RefundAsync(Amount.Parse("1.00"), " ", "k")).Code);
        Assert.Equal(ResultCode.IdempotencyKeyMalformed, (await grain.RefundAsync(Amount.Parse("1.00"), "x", "bad key")).Code);
        Assert.Equal(0, node.Transactions.Calls["refund"]);
    }

    [Fact]
    public async Task The_journal_keeps_what_the_retention_allows()
    {
        await using var node = await FakeNode.StartAsync(options => options.Journal = new JournalRetention { MaxEntries = 3 });
        var transaction = node.Transactions.Add("approved", "100.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        for (var i = 0; i < 6; i++)
        {
            Assert.True((await grain.RefundAsync(Amount.Parse("1.00"), "x", "k" + i)).Succeeded);
        }

        // Trimming runs when an intent is recorded, so the newest intent joins the three kept before it.
        Assert.Equal(["k2", "k3", "k4", "k5"], (await grain.GetJournalAsync()).Select(entry => entry.Key));
    }
}
