using System.Text.Json;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

public sealed class TransactionUpdateTests
{
    [Fact]
    public async Task A_prepared_payment_takes_card_details_once_and_its_metadata_merges_after_approval()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);
        var prepared = await node.Grains.GetGrain<ITransactionCreationGrain>(SandboxOrders.NewPaymentRef()).CreateAsync(new TransactionCreateRequest
        {
            Amount = Amount.Parse("42.00"),
            Currency = CurrencyCode.Sek,
            Test = true,
            Process = false,
            Metadata = JsonDocument.Parse("""{"shop_order":{"id":"1","channel":"web"}}""").RootElement,
        });
        Assert.Equal(TransactionState.Pending, prepared.Value!.State);
        var grain = node.Grains.GetGrain<ITransactionGrain>(prepared.Value.Id);
        var card = new CardDetails("4111111111111111", "123", "Ann Andersson", "1230", "visa");

        var paid = await grain.UpdateAsync(new TransactionUpdateRequest { Card = card }, "pay");
        var again = await grain.UpdateAsync(new TransactionUpdateRequest { Card = card }, "pay-again");
        var tagged = await grain.UpdateAsync(new TransactionUpdateRequest { Metadata = JsonDocument.Parse("""{"shop_order":{"id":"123123"}}""").RootElement }, "tag");

        Assert.True(paid.Succeeded, paid.Description);
        Assert.Equal(TransactionState.Approved, paid.Value!.State);
        Assert.Equal(ResultCode.CardDetailsLocked, again.Code);
        Assert.True(tagged.Succeeded, tagged.Description);
        var upstream = await node.Client.Transactions.GetAsync(prepared.Value.Id);
        Assert.Equal("approved", upstream.Status);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse("""{"shop_order":{"id":"123123","channel":"web"}}""").RootElement, upstream.Metadata!.Value));
        Assert.Equal(2, node.UpstreamCalls["PUT /v1/transactions/{id}"]);
        Assert.DoesNotContain(await grain.GetJournalAsync(), entry => entry.Notes.Any(note => note.Text.Contains("4111111111111111", StringComparison.Ordinal)));
    }
}
