using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using Orleans.Serialization;

namespace NordeaConnect.Grains.Tests.State;

/// <summary>
/// The records cross between silos through Orleans' serializer; the REST client's detail objects they hold (cost,
/// payment details, client info, webhooks, webhook definitions) travel as surrogates and must arrive whole.
/// </summary>
public sealed class RecordWireTests
{
    private static readonly Serializer Wire = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(TransactionSnapshot).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void A_transaction_crosses_the_wire_with_every_detail_field()
    {
        var sent = Snapshots.Transaction("approved", "10.00") with
        {
            MerchantId = "3",
            Ref = "r-1",
            WalletType = "vipps",
            Cost = new Client.TransactionCost { FixedFee = 2.5m, PercentualFee = 0.025m, PercentualExchangeFee = 0.035m, Total = Amount.Parse("3.10") },
            Items = [new Client.Item { ArticleNumber = "001", Amount = 10m, Notes = "gift" }],
            PaymentDetails = new Client.PaymentDetails { CardNumber = "411111******1111", Address2 = "c/o Berg", SwishNumber = "46701234567" },
            ClientInfo = new Client.ClientInfo { RawUserAgent = "Mozilla/5.0", AcceptLanguage = "sv-SE" },
            Webhooks = [new Client.Webhook { Id = 4, Url = "https://shop.example/hook", RetryCount = 2, Response = new Client.WebhookResponse { Code = "500", Error = "Net::HTTPServerError" } }],
            Customer = new CustomerSnapshot { Id = 9, Ref = "c-9" },
        };

        var read = Wire.Deserialize<TransactionSnapshot>(Wire.SerializeToArray(sent))!;

        Assert.Equal(Amount.Parse("3.10"), read.Cost!.Total);
        Assert.Equal(0.035m, read.Cost.PercentualExchangeFee);
        Assert.Equal("gift", Assert.Single(read.Items!).Notes);
        Assert.Equal("c/o Berg", read.PaymentDetails!.Address2);
        Assert.Equal("46701234567", read.PaymentDetails.SwishNumber);
        Assert.Equal("sv-SE", read.ClientInfo!.AcceptLanguage);
        var webhook = Assert.Single(read.Webhooks!);
        Assert.Equal((2, "500", "Net::HTTPServerError"), (webhook.RetryCount, webhook.Response!.Code, webhook.Response.Error));
        Assert.Equal(("3", "r-1", "vipps", "c-9"), (read.MerchantId, read.Ref, read.WalletType, read.Customer!.Ref));
    }

    [Fact]
    public void A_webhook_without_an_answer_arrives_without_one_and_a_charge_keeps_its_webhooks()
    {
        var unanswered = Wire.Deserialize<TransactionSnapshot>(Wire.SerializeToArray(
            Snapshots.Transaction("approved", "10.00") with { Webhooks = [new Client.Webhook { Id = 5, Email = "ops@shop.example" }] }))!;
        var charge = Wire.Deserialize<StoredCardChargeRequest>(Wire.SerializeToArray(new StoredCardChargeRequest
        {
            PaymentRef = PaymentRef.Parse("w-1"),
            Amount = Amount.Parse("1.00"),
            Currency = CurrencyCode.Sek,
            Webhooks = [Client.WebhookDefinition.HttpOn(Client.WebhookTriggers.PaymentSuccess, new Uri("https://shop.example/hook"))],
            Locale = "sv",
        }))!;

        Assert.Null(Assert.Single(unanswered.Webhooks!).Response);
        var definition = Assert.Single(charge.Webhooks!);
        Assert.Equal(("payment_success", "https://shop.example/hook", "post", "form_data"), (definition.Trigger, definition.Url, definition.HttpMethod, definition.DataFormat));
        Assert.Equal("sv", charge.Locale);
    }
}
