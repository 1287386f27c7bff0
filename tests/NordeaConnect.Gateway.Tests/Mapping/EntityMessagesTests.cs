using System.Text.Json;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Mapping;

public sealed class EntityMessagesTests
{
    private static readonly DateTimeOffset Created = new(2018, 9, 30, 8, 48, 21, TimeSpan.Zero);

    [Fact]
    public void A_transaction_keeps_every_field_with_amounts_as_two_decimal_strings()
    {
        using var metadata = JsonDocument.Parse("""{"order":{"lines":2}}""");
        var transaction = new Upstream.Transaction
        {
            Id = 7510,
            MerchantId = "3",
            Amount = Amount.Parse("725.00"),
            VatAmount = Amount.Parse("145.00"),
            PaymentRef = "order-1",
            Currency = CurrencyCode.Sek,
            Status = "partially_refunded",
            Test = true,
            CardHolder = "Anna Andersson",
            CardNumber = "411111******1111",
            CardExpiry = "0125",
            CardType = "VISA",
            TransactionType = "credit_card",
            PaymentMethod = "card",
            Metadata = metadata.RootElement.Clone(),
            Cost = new Upstream.TransactionCost { FixedFee = 2.5m, PercentualFee = 0.025m, PercentualExchangeFee = 0.035m, Total = Amount.ParseUpstream("46.0") },
            CreatedAt = Created,
            Customer = new Upstream.Customer { Id = 42 },
            Refunds = [new Upstream.Refund { Id = 9, Amount = Amount.Parse("100.00"), Status = "approved", Reason = "damaged", TransactionId = 7510, CreatedAt = Created }],
            Items = [new Upstream.Item { ArticleNumber = "A1", Description = "Socks", Amount = 362.5m, Quantity = 2, VatRate = 25 }],
        };
        // A listed transaction goes through the grains' record, as every transaction answer does.
        var message = UpstreamSnapshots.From(transaction).ToMessage();

        Assert.Equal(7510, message.Id);
        Assert.Equal("725.00", message.Amount);
        Assert.Equal("145.00", message.VatAmount);
        Assert.Equal("sek", message.Currency);
        Assert.Equal("order-1", message.PaymentRef);
        Assert.True(message.Test);
        Assert.Equal("411111******1111", message.CardNumber);
        Assert.Equal(2, message.Metadata.Fields["order"].StructValue.Fields["lines"].NumberValue);
        Assert.Equal("46.00", message.Cost.Total);
        Assert.Equal("0.025", message.Cost.PercentualFee);
        Assert.Equal(42, message.CustomerId);
        Assert.False(message.HasStoredCardId);
        Assert.Equal("100.00", Assert.Single(message.Refunds).Amount);
        Assert.Equal("362.50", Assert.Single(message.Items).Amount);
        Assert.Equal("2", message.Items[0].Qty);
        Assert.Equal(Created.ToUnixTimeSeconds(), message.CreatedAt.Seconds);
        Assert.Null(message.ProcessedAt);
    }

    [Fact]
    public void A_transaction_from_its_grain_carries_the_balances_it_derives_and_its_change_count()
    {
        using var metadata = JsonDocument.Parse("""{"order":{"lines":2}}""");
        var transaction = new TransactionSnapshot
        {
            Id = 7510,
            Amount = Amount.Parse("725.00"),
            VatAmount = Amount.Parse("145.00"),
            PaymentRef = "order-1",
            Currency = CurrencyCode.Sek,
            Status = "approved",
            Test = true,
            MaskedCardNumber = "411111******1111",
            Metadata = metadata.RootElement.Clone(),
            CreatedAt = Created,
            CustomerId = 42,
            Refunds = [new RefundSnapshot { Id = 9, Amount = Amount.Parse("100.00"), Status = "approved", Reason = "damaged", TransactionId = 7510, CreatedAt = Created }],
            Change = new EntityChange(4, "refunded"),
        };

        var message = transaction.ToMessage();

        Assert.Equal(7510, message.Id);
        Assert.Equal("725.00", message.Amount);
        Assert.Equal("145.00", message.VatAmount);
        Assert.Equal("sek", message.Currency);
        Assert.Equal("order-1", message.PaymentRef);
        Assert.True(message.Test);
        Assert.Equal("411111******1111", message.CardNumber);
        Assert.Equal(2, message.Metadata.Fields["order"].StructValue.Fields["lines"].NumberValue);
        Assert.Equal(42, message.CustomerId);
        Assert.False(message.HasStoredCardId);
        Assert.False(message.HasSubscriptionId);
        Assert.Equal("100.00", Assert.Single(message.Refunds).Amount);
        Assert.Equal("0.00", message.AuthorizedAmount);
        Assert.Equal("725.00", message.CapturedAmount);
        Assert.Equal("100.00", message.RefundedAmount);
        Assert.Equal(4, message.Change.Version);
        Assert.Equal("refunded", message.Change.Reason);
        Assert.Equal(Created.ToUnixTimeSeconds(), message.CreatedAt.Seconds);
        Assert.Null(message.ProcessedAt);
    }

    [Fact]
    public void A_failed_transaction_carries_the_upstream_error()
    {
        var transaction = new Upstream.Transaction
        {
            Id = 1,
            Status = "declined",
            Error = new Upstream.UpstreamErrorBody { Name = "errors.card.declined", Code = 1001, Description = "Declined" },
        };

        var message = UpstreamSnapshots.From(transaction).ToMessage();

        Assert.Equal("errors.card.declined", message.Error.Name);
        Assert.Equal(1001, message.Error.Code);
        // The record's amount is required: a row upstream sent without one reads as zero.
        Assert.Equal("0.00", message.Amount);

        var fromGrain = new TransactionSnapshot { Id = 1, Status = "declined", Amount = Amount.Parse("1.00"), Error = new UpstreamFailure("errors.card.declined", 1001, "Declined", 402) }.ToMessage();
        Assert.Equal("errors.card.declined", fromGrain.Error.Name);
        Assert.Equal(1001, fromGrain.Error.Code);
        Assert.Equal(402, fromGrain.Error.HttpStatus);
    }

    [Theory]
    [InlineData("authorized", false, "000.200.100")]
    [InlineData("pending", false, "000.200.000")]
    [InlineData("approved", true, "000.100.110")]
    [InlineData("approved", false, "000.000.000")]
    public void A_transaction_answers_with_the_success_code_of_its_state(string status, bool test, string code) =>
        Assert.Equal(code, SuccessCodes.For(new TransactionSnapshot { Id = 1, Amount = Amount.Parse("1.00"), Status = status, Test = test }).Value);

    [Fact]
    public void A_subscription_debt_is_signed_with_two_decimals()
    {
        var subscription = new Upstream.Subscription
        {
            Id = 5,
            Debt = -5m,
            Price = Amount.Parse("99.00"),
            Currency = CurrencyCode.Eur,
            Plan = new Upstream.Plan { Id = 3 },
            Quantity = 2,
        };
        var listed = UpstreamSnapshots.From(subscription).ToMessage();
        Assert.Equal("-5.00", listed.Debt);

        var message = new SubscriptionSnapshot
        {
            Id = 5,
            Debt = -5m,
            Price = Amount.Parse("99.00"),
            Currency = CurrencyCode.Eur,
            PlanId = 3,
            Quantity = 2,
            Change = new EntityChange(1, "created"),
        }.ToMessage();

        Assert.Equal("-5.00", message.Debt);
        Assert.Equal("99.00", message.Price);
        Assert.Equal("eur", message.Currency);
        Assert.Equal(3, message.PlanId);
        Assert.Equal(2, message.SubscriptionQuantity);
        Assert.False(message.HasCustomerId);
        Assert.Equal(1, message.Change.Version);
    }

    [Fact]
    public void Plan_prices_map_both_ways_and_refuse_bad_entries()
    {
        var plan = new Upstream.Plan
        {
            Id = 3,
            Name = "Gold",
            Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("99.00") },
        };
        Assert.Equal("99.00", UpstreamSnapshots.From(plan).ToMessage().Prices["sek"]);

        var prices = PlanMessages.FromMessage(new Dictionary<string, string> { ["SEK"] = "10.00" }, "prices");
        Assert.Equal(Amount.Parse("10.00"), prices[CurrencyCode.Sek.Code]);
        var fromGrain = new PlanSnapshot { Id = 3, Name = "Gold", Prices = prices }.ToMessage();
        Assert.Equal("10.00", fromGrain.Prices["sek"]);

        Assert.Equal(ResultCode.InvalidCurrency, Assert.Throws<GatewayRefusalException>(() => PlanMessages.FromMessage(new Dictionary<string, string> { ["kr"] = "10.00" }, "prices")).Code);
        var badAmount = Assert.Throws<GatewayRefusalException>(() => PlanMessages.FromMessage(new Dictionary<string, string> { ["sek"] = "10" }, "prices"));
        Assert.Equal(ResultCode.InvalidAmount, badAmount.Code);
        Assert.Contains("prices[sek]", badAmount.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_from_callers_are_checked_field_by_field()
    {
        var items = ItemMessages.FromMessages([new V1.Item { Artno = "A1", Amount = "10.00", Qty = "2", Vat = "25" }]);
        Assert.Equal(10.00m, items[0].Amount);
        Assert.Equal(2m, items[0].Quantity);

        var refusal = Assert.Throws<GatewayRefusalException>(() => ItemMessages.FromMessages([new V1.Item(), new V1.Item { Qty = "two" }]));
        Assert.Contains("items[1].qty", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_card_and_a_customer_and_webhooks_map_their_fields()
    {
        var card = new Upstream.StoredCard { Id = 8, Token = "tok", CardNumber = "5555****4444", Currency = CurrencyCode.Sek, Status = "active", CustomerId = 42, Expires = Created };
        var cardMessage = UpstreamSnapshots.From(card).ToMessage();
        Assert.Empty(cardMessage.Token);
        Assert.Equal(42, cardMessage.CustomerId);
        Assert.Equal("sek", cardMessage.Currency);

        var customer = UpstreamSnapshots.From(new Upstream.Customer { Id = 42, Ref = "c-42" }).ToMessage();
        Assert.Equal("c-42", customer.Ref);
        Assert.Null(customer.Metadata);

        var heldCard = new StoredCardSnapshot { Id = 8, Status = "active", MaskedCardNumber = "5555****4444", Currency = CurrencyCode.Sek, CustomerId = 42, Expires = Created, Change = new EntityChange(2, "updated") }.ToMessage();
        Assert.Empty(heldCard.Token);
        Assert.Equal("5555****4444", heldCard.CardNumber);
        Assert.Equal(42, heldCard.CustomerId);
        Assert.Equal(2, heldCard.Change.Version);
        var heldCustomer = new CustomerSnapshot { Id = 42, Ref = "c-42", Change = new EntityChange(1, "created") }.ToMessage();
        Assert.Equal("c-42", heldCustomer.Ref);
        Assert.Equal("created", heldCustomer.Change.Reason);

        var webhook = new Upstream.Webhook { Id = 1, Trigger = "payment_success", Response = new Upstream.WebhookResponse { Code = "200", Message = "OK" } }.ToMessage();
        Assert.Equal(200, webhook.ResponseCode);
        Assert.Equal("OK", webhook.ResponseMessage);
    }

    [Fact]
    public void Card_details_never_print_the_number_or_cvv()
    {
        var card = new CardDetails("4111111111111111", "123", "Anna", "0125", "VISA");
        var text = card.ToString();
        Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123", text, StringComparison.Ordinal);
        Assert.Contains("****1111", text, StringComparison.Ordinal);
    }
}
