using System.Text.Json;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

public sealed class TransactionGrainCaptureTests
{
    [Fact]
    public async Task The_same_capture_sent_concurrently_with_one_key_is_performed_once()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("authorized", "50.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.CaptureAsync(Amount.Parse("40.00"), "capture-1")));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Equal(4, results.Count(result => result.Replayed));
        Assert.Equal(1, node.Transactions.Calls["capture"]);
        Assert.Equal(Amount.Parse("40.00"), node.Transactions.Stored(transaction.Id).Amount);
        Assert.Equal(ResultCode.IdempotencyKeyReused, (await grain.CaptureAsync(Amount.Parse("41.00"), "capture-1")).Code);
    }

    [Fact]
    public async Task Capture_refusals_come_from_the_cache()
    {
        await using var node = await FakeNode.StartAsync();
        var authorized = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("authorized", "50.00").Id);
        var approved = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("approved", "50.00").Id);

        Assert.Equal(ResultCode.CaptureExceedsAuthorized, (await authorized.CaptureAsync(Amount.Parse("50.01"))).Code);
        Assert.Equal(ResultCode.CaptureNotAuthorized, (await approved.CaptureAsync(Amount.Parse("1.00"))).Code);
        Assert.Equal(0, node.Transactions.Calls["capture"]);
    }

    [Fact]
    public async Task A_capture_whose_answer_was_lost_is_found_done_by_the_transaction_status()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("authorized", "50.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);
        node.Transactions.Script.Queue("capture", UpstreamMishap.ApplyThenLoseAnswer);

        var result = await grain.CaptureAsync(Amount.Parse("50.00"), "c");

        Assert.True(result.Succeeded, result.Description);
        Assert.Equal(TransactionState.Approved, result.Value!.State);
        Assert.Contains("was authorized at intent and is approved now", (await grain.GetJournalAsync()).Single().Notes[^1].Text, StringComparison.Ordinal);
        Assert.Equal(1, node.Transactions.Calls["capture"]);
    }

    [Fact]
    public async Task Reads_within_the_staleness_bound_come_from_the_cache()
    {
        await using var node = await FakeNode.StartAsync(options => options.DefaultStaleness = TimeSpan.FromSeconds(5));
        var grain = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("approved", "50.00").Id);

        for (var i = 0; i < 100; i++)
        {
            Assert.True((await grain.GetAsync()).Succeeded);
        }

        Assert.Equal(1, node.Transactions.Calls["get"]);
        node.Clock.Advance(TimeSpan.FromSeconds(6));
        await grain.GetAsync();
        Assert.Equal(2, node.Transactions.Calls["get"]);
        await grain.GetAsync(TimeSpan.Zero);
        Assert.Equal(3, node.Transactions.Calls["get"]);
        await grain.NotifyChangedAsync();
        Assert.Equal(4, node.Transactions.Calls["get"]);
    }

    [Fact]
    public async Task A_mutation_refreshes_the_cache_from_the_upstream_response()
    {
        await using var node = await FakeNode.StartAsync();
        var grain = node.Grains.GetGrain<ITransactionGrain>(node.Transactions.Add("authorized", "50.00").Id);

        await grain.CaptureAsync(Amount.Parse("30.00"));
        var read = await grain.GetAsync();

        Assert.Equal(TransactionState.Approved, read.Value!.State);
        Assert.Equal(Amount.Parse("30.00"), read.Value.Amount);
        Assert.Equal(1, node.Transactions.Calls["get"]);
    }

    [Fact]
    public async Task An_unknown_transaction_reads_as_not_found()
    {
        await using var node = await FakeNode.StartAsync();

        var result = await node.Grains.GetGrain<ITransactionGrain>(424242).GetAsync();

        Assert.Equal(ResultCode.UpstreamNotFound, result.Code);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task Metadata_updates_merge_and_approved_transactions_refuse_card_details()
    {
        await using var node = await FakeNode.StartAsync();
        var transaction = node.Transactions.Add("approved", "50.00");
        node.Transactions.Replace(transaction with { Metadata = JsonDocument.Parse("""{"shop":{"id":"1","lines":2}}""").RootElement });
        var grain = node.Grains.GetGrain<ITransactionGrain>(transaction.Id);

        var updated = await grain.UpdateAsync(new TransactionUpdateRequest { Metadata = JsonDocument.Parse("""{"shop":{"id":"123123"}}""").RootElement });
        var card = await grain.UpdateAsync(new TransactionUpdateRequest { Card = new CardDetails("4111111111111111", "123", "Ann", "1230", "visa") });

        Assert.True(updated.Succeeded, updated.Description);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse("""{"shop":{"id":"123123","lines":2}}""").RootElement, node.Transactions.Stored(transaction.Id).Metadata!.Value));
        Assert.Equal(ResultCode.CardDetailsLocked, card.Code);
        Assert.Equal(1, node.Transactions.Calls["update"]);
    }
}
