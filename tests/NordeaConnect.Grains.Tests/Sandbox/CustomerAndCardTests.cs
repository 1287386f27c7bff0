using System.Text.Json;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

public sealed class CustomerAndCardTests
{
    [Fact]
    public async Task A_customer_is_created_once_per_ref_and_its_metadata_merges()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);
        var customerRef = "c" + Guid.NewGuid().ToString("N")[..10];
        var creation = node.Grains.GetGrain<ICustomerCreationGrain>(customerRef);

        var created = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => creation.CreateAsync(JsonDocument.Parse("""{"tier":{"name":"gold","since":2020}}""").RootElement)));
        var id = Assert.Single(created.Select(result => result.Value!.Id).Distinct());
        var customer = node.Grains.GetGrain<ICustomerGrain>(id);
        var updated = await customer.UpdateMetadataAsync(JsonDocument.Parse("""{"tier":{"name":"platinum"}}""").RootElement, "upgrade");

        Assert.Equal(1, node.UpstreamCalls["POST /v1/customers"]);
        Assert.True(updated.Succeeded, updated.Description);
        var upstream = await node.Client.Customers.GetAsync(id);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse("""{"tier":{"name":"platinum","since":2020}}""").RootElement, upstream.Metadata!.Value));
    }

    [Fact]
    public async Task A_stored_card_pays_by_token_until_it_is_made_inactive()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);
        var subscription = await SandboxSubscriptions.StartAsync(sandbox, node);
        var cardId = (await node.Grains.GetGrain<ISubscriptionGrain>(subscription).GetAsync()).Value!.StoredCardId!.Value;
        var card = node.Grains.GetGrain<IStoredCardGrain>(cardId);
        var paymentRef = SandboxOrders.NewPaymentRef();

        var charged = await card.ChargeAsync(new StoredCardChargeRequest { PaymentRef = PaymentRef.Parse(paymentRef), Amount = Amount.Parse("19.00"), Currency = CurrencyCode.Sek, Test = true });
        var deactivated = await card.UpdateStatusAsync("inactive", "pause-card");
        var refused = await card.ChargeAsync(new StoredCardChargeRequest { PaymentRef = PaymentRef.Parse(SandboxOrders.NewPaymentRef()), Amount = Amount.Parse("19.00"), Currency = CurrencyCode.Sek, Test = true });

        Assert.True(charged.Succeeded, charged.Description);
        Assert.Equal(cardId, sandbox.Ledger.Transaction(charged.Value!.Id)!.StoredCardId);
        Assert.Equal("inactive", deactivated.Value!.Status);
        Assert.Equal(ResultCode.StoredCardNotUsable, refused.Code);
        Assert.Single(sandbox.Ledger.Transactions(sandbox.Merchant.Id), transaction => transaction.StoredCardId == cardId && transaction.PaymentRef == paymentRef);

        var customer = node.Grains.GetGrain<ICustomerGrain>(deactivated.Value.CustomerId!.Value);
        Assert.Equal([cardId], (await customer.GetStoredCardsAsync()).Value!.Select(stored => stored.Id));
        Assert.Equal([subscription], (await customer.GetSubscriptionsAsync()).Value!.Select(owned => owned.Id));
        Assert.Contains(charged.Value.Id, (await customer.GetTransactionsAsync()).Value!.Select(transaction => transaction.Id));
    }
}
