using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

public sealed class StoredCardGrainTests
{
    private static StoredCardChargeRequest Charge(string paymentRef) => new() { PaymentRef = PaymentRef.Parse(paymentRef), Amount = Amount.Parse("12.00"), Currency = CurrencyCode.Sek, Test = true };

    [Fact]
    public async Task An_active_card_is_charged_once_per_payment_ref_with_its_token()
    {
        await using var node = await FakeNode.StartAsync();
        node.StoredCards.Add(3, "active", node.Clock.GetUtcNow().AddYears(1));
        var card = node.Grains.GetGrain<IStoredCardGrain>(3);

        var first = await card.ChargeAsync(Charge("sub-1"));
        var again = await card.ChargeAsync(Charge("sub-1"));

        Assert.True(first.Succeeded, first.Description);
        Assert.True(again.Replayed);
        Assert.Equal(1, node.Transactions.Calls["create"]);
        var created = node.Transactions.All.Single();
        Assert.Equal("stored_card", created.CardType);
        Assert.Equal(3, created.StoredCardId);
    }

    [Fact]
    public async Task A_charge_sends_every_payment_parameter_upstream()
    {
        await using var node = await FakeNode.StartAsync();
        node.StoredCards.Add(8, "active", node.Clock.GetUtcNow().AddYears(1));
        var charge = Charge("all-1") with
        {
            Authorize = true,
            VatAmount = Amount.Parse("2.00"),
            Items = [new Client.Item { ArticleNumber = "001", Amount = 12m, Quantity = 1 }],
            SuccessUrl = "https://shop.example/ok",
            ErrorUrl = "https://shop.example/error",
            TemplateId = 7,
            Webhooks = [Client.WebhookDefinition.EmailOn(Client.WebhookTriggers.Payment, "ops@shop.example")],
            Locale = "sv",
        };

        var charged = await node.Grains.GetGrain<IStoredCardGrain>(8).ChargeAsync(charge);

        Assert.True(charged.Succeeded, charged.Description);
        var sent = Assert.Single(node.Transactions.CreateRequests);
        Assert.True(sent.Authorize);
        Assert.Equal(Amount.Parse("2.00"), sent.VatAmount);
        Assert.Equal("001", Assert.Single(sent.Items!).ArticleNumber);
        Assert.Equal("https://shop.example/ok", sent.SuccessUrl);
        Assert.Equal("https://shop.example/error", sent.ErrorUrl);
        Assert.Equal(7, sent.TemplateId);
        Assert.Equal("ops@shop.example", Assert.Single(sent.Webhooks!).Email);
        Assert.Equal("sv", sent.Locale);
    }

    [Fact]
    public async Task Inactive_deleted_and_expired_cards_are_refused_without_an_upstream_payment()
    {
        await using var node = await FakeNode.StartAsync();
        node.StoredCards.Add(4, "inactive", null);
        node.StoredCards.Add(5, "deleted", null);
        node.StoredCards.Add(6, "active", node.Clock.GetUtcNow().AddDays(-1));

        foreach (var id in new long[] { 4, 5, 6 })
        {
            Assert.Equal(ResultCode.StoredCardNotUsable, (await node.Grains.GetGrain<IStoredCardGrain>(id).ChargeAsync(Charge("c" + id))).Code);
        }

        Assert.Equal(0, node.Transactions.Calls["create"]);
    }

    [Fact]
    public async Task Status_changes_are_journaled_and_a_deleted_card_cannot_be_revived()
    {
        await using var node = await FakeNode.StartAsync();
        node.StoredCards.Add(7, "active", null);
        var card = node.Grains.GetGrain<IStoredCardGrain>(7);

        Assert.Equal("inactive", (await card.UpdateStatusAsync("Inactive", "s1")).Value!.Status);
        Assert.True((await card.UpdateStatusAsync("inactive", "s1")).Replayed);
        Assert.Equal(ResultCode.InvalidArgument, (await card.UpdateStatusAsync("deleted")).Code);
        Assert.True((await card.DeleteAsync("d1")).Succeeded);
        Assert.Equal(ResultCode.StoredCardNotUsable, (await card.UpdateStatusAsync("active")).Code);
        Assert.Equal(1, node.StoredCards.Calls["status"]);
        Assert.Equal(1, node.StoredCards.Calls["delete"]);
    }

    [Fact]
    public async Task The_token_is_kept_across_activations_but_never_shown()
    {
        await using var node = await FakeNode.StartAsync();
        node.StoredCards.Add(8, "active", null);
        var card = node.Grains.GetGrain<IStoredCardGrain>(8);
        var read = await card.GetAsync();
        await node.CollectAllAsync();

        var charged = await card.ChargeAsync(Charge("tok-1"));

        Assert.DoesNotContain("tok-8", read.Value!.ToString(), StringComparison.Ordinal);
        Assert.Null(typeof(StoredCardSnapshot).GetProperty("Token"));
        Assert.True(charged.Succeeded, charged.Description);
        Assert.Equal("******4242", node.Transactions.All.Single().MaskedCardNumber);
        Assert.Equal(1, node.StoredCards.Calls["get"]);
    }
}
