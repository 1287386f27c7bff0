using System.Text.Json;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Tests.Mapping;

/// <summary>Issue 19's fields on the transaction side: every REST field reaches the message, every parameter the record.</summary>
public sealed class TransactionFieldsMappingTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_listed_transaction_keeps_its_details_and_an_extended_customer_and_drops_none()
    {
        using var request = JsonDocument.Parse("""{"amount":"10.00"}""");
        var upstream = new Upstream.Transaction
        {
            Id = 1, Amount = Amount.Parse("10.00"), Status = "approved", MerchantId = "3", Ref = "r-1", WalletType = "vipps", Authorize = true,
            Encrypted = "card_number", TemplateId = 10, SuccessUrl = "https://shop.example/ok", ErrorUrl = "https://shop.example/error",
            CreatedAt = Created, UpdatedAt = Created.AddMinutes(1), PaymentRequest = request.RootElement.Clone(),
            Cost = new Upstream.TransactionCost { FixedFee = 2.5m, PercentualFee = 0.025m, PercentualExchangeFee = 0.035m, Total = Amount.Parse("3.10") },
            PaymentDetails = new Upstream.PaymentDetails { Id = 5, CardNumber = "411111******1111", BankAccountLastDigits = "1234", Address1 = "Storgatan 1" },
            ClientInfo = new Upstream.ClientInfo { Browser = "Firefox", IpAddress = "192.0.2.1" },
            Webhooks = [new Upstream.Webhook { Id = 4, Email = "ops@shop.example", Trigger = "payment_success" }],
            Customer = new Upstream.Customer { Id = 9, Ref = "c-9", CreatedAt = Created },
            StoredCard = new Upstream.StoredCard { Id = 8 },
        };

        var message = UpstreamSnapshots.From(upstream).ToMessage();

        Assert.Equal(("3", "r-1", "vipps", "card_number", 10L), (message.MerchantId, message.Ref, message.WalletType, message.Encrypted, message.TemplateId));
        Assert.True(message.Authorize);
        Assert.Equal(("https://shop.example/ok", "https://shop.example/error"), (message.SuccessUrl, message.ErrorUrl));
        Assert.Equal(("2.5", "0.025", "0.035", "3.10"), (message.Cost.FixedFee, message.Cost.PercentualFee, message.Cost.PercentualExchangeFee, message.Cost.Total));
        Assert.Equal(("411111******1111", "1234", "Storgatan 1", 5L), (message.PaymentDetails.CardNumber, message.PaymentDetails.BankAccLastdigits, message.PaymentDetails.Address1, message.PaymentDetails.Id));
        Assert.Equal(("Firefox", "192.0.2.1"), (message.ClientInfo.Browser, message.ClientInfo.Ip));
        Assert.Equal("ops@shop.example", Assert.Single(message.Webhooks).Email);
        Assert.Equal("10.00", message.PaymentRequest.Fields["amount"].StringValue);
        Assert.Equal(Created.AddMinutes(1), message.UpdatedAt.ToDateTimeOffset());
        // Extended (it has its created_at): whole; not extended ({"id": 8}): the id only.
        Assert.Equal("c-9", message.Customer.Ref);
        Assert.Equal(9, message.CustomerId);
        Assert.Null(message.StoredCard);
        Assert.Equal(8, message.StoredCardId);
    }

    [Fact]
    public void A_transaction_without_details_has_none_and_a_refund_keeps_its_ref_response_and_transaction()
    {
        var bare = new TransactionSnapshot { Id = 2, Amount = Amount.Parse("1.00"), Status = "approved" }.ToMessage();
        using var response = JsonDocument.Parse("\"Approved\"");
        var refund = UpstreamSnapshots.From(new Upstream.Refund
        {
            Id = 3, Amount = Amount.Parse("1.00"), Ref = "rf-1", Response = response.RootElement.Clone(),
            Transaction = new Upstream.Transaction { Id = 2, Amount = Amount.Parse("1.00"), Status = "refunded", CreatedAt = Created },
        }).ToMessage();

        Assert.Null(bare.Cost);
        Assert.Null(bare.PaymentDetails);
        Assert.Empty(bare.Items);
        Assert.Empty(bare.Webhooks);
        Assert.Equal("rf-1", refund.Ref);
        Assert.Equal("Approved", refund.Response.StringValue);
        Assert.Equal(2, refund.TransactionId);
        Assert.Equal("refunded", refund.Transaction.Status);
    }

    [Fact]
    public void A_stored_card_carries_customer_ref_merchant_ref_and_updated_at_and_never_its_token()
    {
        var card = UpstreamSnapshots.From(new Upstream.StoredCard
        {
            Id = 8, Token = "tok", Status = "active", CustomerRef = "c-9", MerchantId = "3", Ref = "sc-1", UpdatedAt = Created,
            Customer = new Upstream.Customer { Id = 9, Ref = "c-9", CreatedAt = Created },
        }).ToMessage();

        Assert.Empty(card.Token);
        Assert.Equal(("c-9", "3", "sc-1", 9L), (card.CustomerRef, card.MerchantId, card.Ref, card.CustomerId));
        Assert.Equal(Created, card.UpdatedAt.ToDateTimeOffset());
        Assert.Equal("c-9", card.Customer.Ref);
    }

    [Fact]
    public void Create_and_update_take_webhooks_encrypted_and_locale()
    {
        var create = new V1.CreateTransactionRequest { PaymentRef = "o-1", Amount = "10.00", Currency = "sek", Encrypted = "card_number", Locale = "sv" };
        create.Webhooks.Add(new V1.WebhookSpec { Trigger = "payment_success", Url = "https://shop.example/hook", HttpMethod = "post", DataFormat = "json" });
        create.Webhooks.Add(new V1.WebhookSpec { Trigger = "refund", Email = "ops@shop.example" });

        var (_, creation, _) = TransactionRequests.ToCreation(create);
        var update = TransactionRequests.ToUpdate(new V1.UpdateTransactionRequest { Id = 1, Encrypted = "card_cvv", Locale = "en" });

        Assert.Equal(("card_number", "sv"), (creation.Encrypted, creation.Locale));
        Assert.Equal(2, creation.Webhooks!.Count);
        Assert.Equal(("payment_success", "https://shop.example/hook", "post", "json"), (creation.Webhooks[0].Trigger, creation.Webhooks[0].Url, creation.Webhooks[0].HttpMethod, creation.Webhooks[0].DataFormat));
        Assert.Equal(("refund", "ops@shop.example"), (creation.Webhooks[1].Trigger, creation.Webhooks[1].Email));
        Assert.Equal(("card_cvv", "en"), (update.Encrypted, update.Locale));
    }

    [Theory]
    [InlineData("payment_success", "", "", "", "", "webhooks[0]")]
    [InlineData("payment_success", "https://shop.example/h", "ops@shop.example", "", "", "webhooks[0]")]
    [InlineData("paid", "https://shop.example/h", "", "", "", "webhooks[0].trigger")]
    [InlineData("payment", "ftp://shop.example/h", "", "", "", "webhooks[0].url")]
    [InlineData("payment", "https://shop.example/h", "", "send", "", "webhooks[0].http_method")]
    [InlineData("payment", "https://shop.example/h", "", "", "csv", "webhooks[0].data_format")]
    public void A_webhook_that_could_not_work_is_refused_naming_its_field(string trigger, string url, string email, string method, string format, string field)
    {
        var refused = Assert.Throws<GatewayRefusalException>(() => TransactionRequests.Webhooks([new V1.WebhookSpec { Trigger = trigger, Url = url, Email = email, HttpMethod = method, DataFormat = format }]));

        Assert.Equal(ResultCode.InvalidArgument, refused.Code);
        Assert.Contains(field, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_charge_takes_every_payment_parameter_and_refuses_a_bad_locale()
    {
        var request = new V1.ChargeStoredCardRequest
        {
            Id = 8, PaymentRef = "g-1", Amount = "10.00", Currency = "sek", Authorize = true, VatAmount = "2.00",
            SuccessUrl = "https://shop.example/ok", ErrorUrl = "https://shop.example/error", TemplateId = 7, Locale = "sv",
        };
        request.Items.Add(new V1.Item { Artno = "001", Amount = "10.00", Qty = "1" });
        request.Webhooks.Add(new V1.WebhookSpec { Trigger = "payment", Email = "ops@shop.example" });

        var (charge, _) = TransactionRequests.ToCharge(request);
        request.Locale = "fi";
        var refused = Assert.Throws<GatewayRefusalException>(() => TransactionRequests.ToCharge(request));

        Assert.True(charge.Authorize);
        Assert.Equal(Amount.Parse("2.00"), charge.VatAmount);
        Assert.Equal("001", Assert.Single(charge.Items!).ArticleNumber);
        Assert.Equal(("https://shop.example/ok", "https://shop.example/error", 7L, "sv"), (charge.SuccessUrl, charge.ErrorUrl, charge.TemplateId!.Value, charge.Locale));
        Assert.Equal("ops@shop.example", Assert.Single(charge.Webhooks!).Email);
        Assert.Equal(ResultCode.InvalidArgument, refused.Code);
    }
}
