using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

public sealed class StoredCardSandboxTests : SandboxTest
{
    [Fact]
    public async Task A_card_stored_at_checkout_is_shown_listed_and_paid_with_by_token()
    {
        var (cardId, _) = await CheckoutAsync(await PrepareAsync("1.00"), "cust-card");
        var card = await Client.StoredCards.GetAsync(cardId!.Value, GetOptions.Extending("customer"));
        var all = await Client.StoredCards.ListAsync();
        var forCustomer = await Client.StoredCards.ListAsync(new StoredCardListOptions { CustomerId = card.Customer!.Id }.Where(ListFilter.Equal("status", StoredCardStatus.Active)));

        var tokenPayment = await Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse("5.00"),
            Currency = CurrencyCode.Sek,
            Test = true,
            CustomerRef = "cust-card",
            CardNumber = card.Token,
            CardType = CardTypes.StoredCard,
        });

        Assert.Equal("active", card.Status);
        Assert.Equal("cust-card", card.Customer.Ref);
        Assert.False(string.IsNullOrEmpty(card.Token));
        Assert.EndsWith("1111", card.CardNumber, StringComparison.Ordinal);
        Assert.Contains(all.Items, c => c.Id == card.Id);
        Assert.Equal(card.Id, Assert.Single(forCustomer.Items).Id);
        Assert.Equal("approved", tokenPayment.Status);
    }

    [Fact]
    public async Task An_inactive_card_cannot_pay_and_a_deleted_card_says_so()
    {
        var (cardId, _) = await CheckoutAsync(await PrepareAsync("1.00"), "cust-inactive");
        var card = await Client.StoredCards.GetAsync(cardId!.Value);

        var inactive = await Client.StoredCards.UpdateAsync(card.Id, new StoredCardUpdateOptions { Status = StoredCardStatus.Inactive }, new RequestOptions { RetrySafe = true });
        var refused = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse("5.00"),
            Currency = CurrencyCode.Sek,
            Test = true,
            CardNumber = card.Token,
            CardType = CardTypes.StoredCard,
        }));
        var deleted = await Client.StoredCards.DeleteAsync(card.Id);

        Assert.Equal("inactive", inactive.Status);
        Assert.IsNotType<NordeaConnectOutcomeUnknownException>(refused);
        Assert.NotNull(refused.UpstreamError?.Name);
        Assert.DoesNotContain(card.Token!, refused.Message, StringComparison.Ordinal);
        Assert.Equal("deleted", deleted.Status);
        Assert.Equal("deleted", (await Client.StoredCards.GetAsync(card.Id)).Status);
    }
}
