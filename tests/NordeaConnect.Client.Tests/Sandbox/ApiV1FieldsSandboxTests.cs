using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Sandbox;

/// <summary>
/// Every field and parameter of API v1 that the gRPC façade must carry (issue 19), sent and read through the REST
/// client against the sandbox: what a façade test will compare its gRPC answers with.
/// </summary>
public sealed class ApiV1FieldsSandboxTests : SandboxTest
{
    private static readonly Item TenKronor = new() { ArticleNumber = "001", Description = "T-shirt", Amount = 10, Quantity = 1, VatRate = 25, Discount = 0 };

    [Fact]
    public async Task A_card_payment_answers_cost_items_urls_template_merchant_details_client_info_and_webhooks_on_create_and_get()
    {
        var options = CardPayment(NextPaymentRef(), "10.00", webhooks: [WebhookDefinition.EmailOn(WebhookTriggers.PaymentSuccess, "receipts@shop.example")]);
        options = With(options, items: [TenKronor], vat: "2.00", successUrl: "https://shop.example/ok?o={{ transaction.payment_ref }}", errorUrl: "https://shop.example/error", templateId: 10);

        var created = await Client.Transactions.CreateAsync(options);
        var shown = await Client.Transactions.GetAsync(created.Id);

        foreach (var transaction in new[] { created, shown })
        {
            // total = 2.5 + 10.00 * 0.025 + 10.00 * 0.035, the reference's own example (10.00 -> 3.1).
            Assert.Equal(Amount.Parse("3.10"), transaction.Cost!.Total);
            var item = Assert.Single(transaction.Items);
            Assert.Equal("001", item.ArticleNumber);
            Assert.Equal(Amount.Parse("2.00"), transaction.VatAmount);
            Assert.Equal("https://shop.example/ok?o={{ transaction.payment_ref }}", transaction.SuccessUrl);
            Assert.Equal("https://shop.example/error", transaction.ErrorUrl);
            Assert.Equal(10, transaction.TemplateId);
            Assert.Equal(Sandbox.Merchant.Id, transaction.MerchantId);
            Assert.Equal("411111******1111", transaction.PaymentDetails!.CardNumber);
            Assert.NotNull(transaction.ClientInfo);
            var webhook = Assert.Single(transaction.Webhooks);
            Assert.Equal("receipts@shop.example", webhook.Email);
        }
    }

    [Fact]
    public async Task The_encrypted_parameter_is_kept_on_create_and_on_update()
    {
        var prepared = await Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(), Amount = Amount.Parse("5.00"), Currency = CurrencyCode.Parse("sek"), Test = true, Process = false, Encrypted = "card_number",
        });

        var updated = await Client.Transactions.UpdateAsync(prepared.Id, new TransactionUpdateOptions
        {
            CardNumber = VisaCard, CardHolder = "Anna Andersson", CardCvv = "123", CardExpiry = "1230", Encrypted = "card_number,card_cvv",
        });

        Assert.Equal("card_number", prepared.Encrypted);
        Assert.Equal("card_number,card_cvv", updated.Encrypted);
        Assert.Equal("approved", updated.Status);
    }

    [Fact]
    public async Task A_refund_carries_its_ref_and_the_payment_systems_response()
    {
        var payment = await PayAsync("10.00");
        var refund = await Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("4.00"), Reason = "cancelled order" });

        var shown = await Client.Refunds.GetAsync(refund.Id);
        using var raw = JsonDocument.Parse(await Sandbox.CreateClient().GetStringAsync(new Uri($"v1/refunds/{refund.Id}", UriKind.Relative)));

        Assert.True(raw.RootElement.TryGetProperty("ref", out _), "the refund object has a ref field");
        Assert.Null(shown.Ref);
        Assert.Equal("Approved", shown.Response!.Value.GetString());
        Assert.Equal(payment.Id, shown.TransactionId);
    }

    [Fact]
    public async Task A_stored_card_carries_its_customer_ref_and_a_charge_with_it_takes_every_payment_parameter()
    {
        var (storedCardId, _) = await CheckoutAsync(await PrepareAsync("1.00"), "customer-7");
        var card = await Client.StoredCards.GetAsync(storedCardId!.Value);

        var charge = await Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = NextPaymentRef(),
            Amount = Amount.Parse("10.00"),
            Currency = CurrencyCode.Parse("sek"),
            Test = true,
            CardNumber = card.Token,
            CardType = CardTypes.StoredCard,
            Authorize = true,
            VatAmount = Amount.Parse("2.00"),
            Items = [TenKronor],
            SuccessUrl = "https://shop.example/ok",
            ErrorUrl = "https://shop.example/error",
            TemplateId = 7,
            Webhooks = [WebhookDefinition.EmailOn(WebhookTriggers.Payment, "ops@shop.example")],
        }, new RequestOptions { Locale = "sv" });

        Assert.Equal("customer-7", card.CustomerRef);
        Assert.Equal("authorized", charge.Status);
        Assert.Equal(card.Id, charge.StoredCard!.Id);
        Assert.Equal(Amount.Parse("2.00"), charge.VatAmount);
        Assert.Single(charge.Items);
        Assert.Equal("https://shop.example/ok", charge.SuccessUrl);
        Assert.Equal("https://shop.example/error", charge.ErrorUrl);
        Assert.Equal(7, charge.TemplateId);
        Assert.Equal("ops@shop.example", Assert.Single(charge.Webhooks).Email);
    }

    [Fact]
    public async Task Extend_returns_the_nested_customer_on_get_and_on_list()
    {
        var payment = await PayAsync("10.00", customerRef: "customer-extend");

        var plain = await Client.Transactions.GetAsync(payment.Id);
        var shown = await Client.Transactions.GetAsync(payment.Id, GetOptions.Extending("customer"));
        var listOptions = new TransactionListOptions();
        listOptions.AddExtend("customer");
        var listed = Assert.Single((await Client.Transactions.ListAsync(listOptions)).Items);

        Assert.Null(plain.Customer!.Ref);
        Assert.Equal("customer-extend", shown.Customer!.Ref);
        Assert.Equal("customer-extend", listed.Customer!.Ref);
        Assert.Equal(shown.Customer.Id, listed.Customer.Id);
    }

    [Fact]
    public async Task The_locale_of_a_call_chooses_the_language_of_the_error_text()
    {
        var payment = await PayAsync("10.00");
        var tooMuch = new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("50.00"), Reason = "too much" };

        var swedish = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Refunds.CreateAsync(tooMuch, new RequestOptions { Locale = "sv" }));
        var english = await Assert.ThrowsAsync<NordeaConnectException>(() => Client.Refunds.CreateAsync(tooMuch, new RequestOptions { Locale = "en" }));

        Assert.Equal("errors.refund.amount_exceeds_paid", swedish.UpstreamError!.Name);
        Assert.StartsWith("Återbetalningen 50.00 är högre", swedish.UpstreamError.Description, StringComparison.Ordinal);
        Assert.StartsWith("The refund amount 50.00 is above", english.UpstreamError!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_template_is_created_and_updated_with_either_spelling_of_its_type()
    {
        var created = await Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions
        {
            Trigger = WebhookTriggers.PaymentSuccess, Type = WebhookTemplateTypes.CustomHttpShortName, Url = "https://shop.example/hook", Body = "{{ transaction.id }}",
        });
        var updated = await Client.WebhookTemplates.UpdateAsync(created.Id, new WebhookTemplateOptions
        {
            Type = WebhookTemplateTypes.Email, Email = "ops@shop.example", Body = "{{ transaction.id }}",
        });

        Assert.Equal(WebhookTemplateTypes.CustomHttpShortName, created.Type);
        Assert.Equal(WebhookTemplateTypes.EmailShortName, updated.Type);
    }

    [Fact]
    public async Task A_failing_webhook_shows_its_retry_count()
    {
        var deadPort = FreePort();
        var payment = await Client.Transactions.CreateAsync(CardPayment(
            NextPaymentRef(), "10.00", webhooks: [WebhookDefinition.HttpOn(WebhookTriggers.PaymentSuccess, new Uri($"http://127.0.0.1:{deadPort}/hook"))]));
        var webhookId = Assert.Single(payment.Webhooks).Id;

        await Sandbox.PulseAsync();
        var first = await WhenAsync(() => Client.Webhooks.GetAsync(webhookId), w => w.RetryCount >= 1);
        Sandbox.Clock.Advance(TimeSpan.FromHours(1));
        await Sandbox.PulseAsync();
        var second = await WhenAsync(() => Client.Webhooks.GetAsync(webhookId), w => w.RetryCount >= 2);
        var attempts = Assert.Single(Sandbox.Ledger.Webhooks(Sandbox.Merchant.Id), w => w.Id == webhookId).Attempts.Count;

        Assert.Equal(1, first.RetryCount);
        Assert.Equal(2, second.RetryCount);
        Assert.Equal(attempts, second.RetryCount);
    }

    [Fact]
    public async Task A_page_of_99999_as_the_reference_example_asks_is_answered_whole()
    {
        await PayAsync("1.00");
        await PayAsync("2.00");
        await PayAsync("3.00");

        var page = await Client.Refunds.ListAsync(new ListOptions { Limit = 99_999 });
        var transactions = await Client.Transactions.ListAsync(new TransactionListOptions { Limit = 99_999 });

        Assert.Empty(page.Items);
        Assert.Equal(3, transactions.Items.Count);
        Assert.Equal(3, transactions.Total);
        Assert.False(transactions.HasMore);
    }

    private static TransactionCreateOptions With(TransactionCreateOptions o, IReadOnlyList<Item> items, string vat, string successUrl, string errorUrl, long templateId) =>
        new()
        {
            PaymentRef = o.PaymentRef, Amount = o.Amount, Currency = o.Currency, Test = o.Test, CustomerRef = o.CustomerRef,
            CardNumber = o.CardNumber, CardHolder = o.CardHolder, CardCvv = o.CardCvv, CardExpiry = o.CardExpiry, CardType = o.CardType,
            Metadata = o.Metadata, Webhooks = o.Webhooks,
            Items = items, VatAmount = Amount.Parse(vat), SuccessUrl = successUrl, ErrorUrl = errorUrl, TemplateId = templateId,
        };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Reads until the condition holds: the delivery worker records attempts on its own thread.</summary>
    private static async Task<T> WhenAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var value = await read();
        for (var tries = 0; !condition(value) && tries < 400; tries++)
        {
            await Task.Delay(25);
            value = await read();
        }

        return value;
    }
}
