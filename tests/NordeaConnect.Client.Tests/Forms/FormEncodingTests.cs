using System.Text;
using System.Text.Json.Nodes;
using NordeaConnect.Client.Tests.Stub;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client.Tests.Forms;

/// <summary>Writes arrive form-encoded in UTF-8 exactly as the reference's examples send them.</summary>
public sealed class FormEncodingTests
{
    private const string TransactionJson = """{"id":7510,"amount":"5.0","currency":"sek","status":"approved"}""";

    [Fact]
    public async Task A_refund_is_sent_like_the_references_curl_example()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":49,"amount":"5.0","transaction":{"id":7510}}""");
        using var client = TestClients.For(stub.BaseAddress);

        var refund = await client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = 7510, Amount = Amount.Parse("5.00"), Reason = "cancelled order" });

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/refunds", request.Path);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("transaction_id=7510&amount=5.00&reason=cancelled+order", request.Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("3:password")), request.Authorization);
        Assert.NotNull(request.CorrelationId);
        Assert.Equal(7510, refund.TransactionId);
    }

    [Fact]
    public async Task A_token_payment_carries_the_hash_computed_from_the_values_sent()
    {
        await using var stub = await StubUpstream.StartAsync(TransactionJson);
        using var client = TestClients.For(stub.BaseAddress);

        await client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = PaymentRef.Parse("53dfaa67"),
            Amount = Amount.Parse("5.00"),
            Currency = CurrencyCode.Parse("SEK"),
            CustomerRef = "cust-1",
            Test = true,
            CardNumber = "cc583309-0fe2-417d-a7e9-84da476a6596",
            CardType = CardTypes.StoredCard,
        });

        var fields = System.Web.HttpUtility.ParseQueryString(Assert.Single(stub.Requests).Body);
        Assert.Equal("5.00", fields["amount"]);
        Assert.Equal("sek", fields["currency"]);
        Assert.Equal("53dfaa67", fields["payment_ref"]);
        Assert.Equal("cust-1", fields["customer_ref"]);
        Assert.Equal("true", fields["test"]);
        Assert.Equal("stored_card", fields["card_type"]);
        Assert.Equal("cc583309-0fe2-417d-a7e9-84da476a6596", fields["card_number"]);
        var expected = RequestHash.ComputeRaw("3", fields["payment_ref"]!, fields["customer_ref"], fields["amount"]!, fields["currency"]!, test: true, "secret");
        Assert.Equal(expected, fields["hash"]);
        Assert.True(RequestHash.Matches(fields["hash"], "3", PaymentRef.Parse("53dfaa67"), "cust-1", Amount.Parse("5.00"), CurrencyCode.Sek, true, "secret"));
    }

    [Fact]
    public async Task Nested_metadata_items_and_webhooks_travel_as_json_text_in_one_field()
    {
        await using var stub = await StubUpstream.StartAsync(TransactionJson);
        using var client = TestClients.For(stub.BaseAddress);

        await client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = PaymentRef.Parse("order-1"),
            Amount = Amount.Parse("1.00"),
            Currency = CurrencyCode.Eur,
            Process = false,
            Metadata = new JsonObject { ["user"] = new JsonObject { ["email"] = "jd@email.com" }, ["products"] = new JsonArray("å", "b") },
            Items = [new Item { ArticleNumber = "001", Amount = 1, Description = "user license2", Quantity = 1, VatRate = 25, Discount = 0 }],
            Webhooks = [WebhookDefinition.EmailOn(WebhookTriggers.PaymentSuccess, "myname@domain.com")],
            SuccessUrl = "https://shop.example/ok?order={{ transaction.payment_ref }}",
        });

        var request = Assert.Single(stub.Requests);
        var fields = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("""{"user":{"email":"jd@email.com"},"products":["å","b"]}""", fields["metadata"]);
        Assert.Equal("""[{"artno":"001","description":"user license2","amount":1,"qty":1,"vat":25,"discount":0}]""", fields["items"]);
        Assert.Equal("""[{"trigger":"payment_success","email":"myname@domain.com"}]""", fields["webhooks"]);
        Assert.Equal("false", fields["process"]);
        Assert.Equal("https://shop.example/ok?order={{ transaction.payment_ref }}", fields["success_url"]);
        Assert.Contains("metadata=%7B%22user%22", request.Body, StringComparison.Ordinal);
        Assert.Contains("%C3%A5", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_send_prices_per_currency_and_subscriptions_send_a_signed_debt()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":1}""");
        using var client = TestClients.For(stub.BaseAddress);

        await client.Plans.CreateAsync(new PlanCreateOptions
        {
            Name = "Gold",
            IntervalUnit = IntervalUnits.Months,
            Interval = 1,
            Periods = 0,
            TrialLength = 14,
            Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("100.00"), [CurrencyCode.Eur] = Amount.Parse("10.00") },
            SetupFees = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("50.00") },
        });
        await client.Subscriptions.UpdateAsync(9, new SubscriptionUpdateOptions { Debt = -12.5m, Quantity = 3, Status = SubscriptionStatus.Active, PlanId = 2 });

        var plan = System.Web.HttpUtility.ParseQueryString(stub.Requests[0].Body);
        Assert.Equal("""{"sek":"100.00","eur":"10.00"}""", plan["prices"]);
        Assert.Equal("""{"sek":"50.00"}""", plan["setup_fees"]);
        Assert.Equal("months", plan["interval_unit"]);
        Assert.Equal("14", plan["trial_length"]);
        Assert.Equal("PUT", stub.Requests[1].Method);
        Assert.Equal("/v1/subscriptions/9", stub.Requests[1].Path);
        Assert.Equal("debt=-12.50&plan_id=2&status=active&subscription_quantity=3", stub.Requests[1].Body);
    }

    [Fact]
    public async Task Every_write_endpoint_uses_the_documented_method_and_path()
    {
        await using var stub = await StubUpstream.StartAsync("""{"id":1}""");
        using var client = TestClients.For(stub.BaseAddress);

        await client.Transactions.UpdateAsync(443, new TransactionUpdateOptions { Metadata = new JsonObject { ["shop_order"] = new JsonObject { ["id"] = "123123" } }, Process = false });
        await client.Transactions.CaptureAsync(443, new TransactionCaptureOptions { Amount = Amount.Parse("12.00") });
        await client.StoredCards.UpdateAsync(954, new StoredCardUpdateOptions { Status = StoredCardStatus.Inactive });
        await client.StoredCards.DeleteAsync(954);
        await client.Customers.CreateAsync(new CustomerCreateOptions { Ref = "c-1" });
        await client.Customers.UpdateAsync(5, new CustomerUpdateOptions { Metadata = new JsonObject { ["tier"] = "gold" } });
        await client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions { Trigger = WebhookTriggers.PaymentSuccess, Type = WebhookTemplateTypes.CustomHttp, Url = "https://x.example/hook", Body = "{{ transaction.id }}" });
        await client.WebhookTemplates.UpdateAsync(1, new WebhookTemplateOptions { Body = "changed" });

        Assert.Equal(
            ["PUT /v1/transactions/443", "PUT /v1/transactions/443/capture", "PUT /v1/stored_cards/954", "DELETE /v1/stored_cards/954", "POST /v1/customers", "PUT /v1/customers/5", "POST /v1/webhook_templates", "PUT /v1/webhook_templates/1"],
            stub.Requests.Select(request => request.Method + " " + request.Path));
        Assert.Equal("process=false&metadata=%7B%22shop_order%22%3A%7B%22id%22%3A%22123123%22%7D%7D", stub.Requests[0].Body);
        Assert.Equal("amount=12.00", stub.Requests[1].Body);
        Assert.Equal("status=inactive", stub.Requests[2].Body);
        Assert.Equal(string.Empty, stub.Requests[3].Body);
        Assert.Equal("ref=c-1", stub.Requests[4].Body);
        Assert.Equal("url=https%3A%2F%2Fx.example%2Fhook&trigger=payment_success&type=Webhook%3A%3ACustomHttpWebhook&merchant_id=3&body=%7B%7B+transaction.id+%7D%7D", stub.Requests[6].Body);
    }

    [Fact]
    public void Card_data_never_shows_in_request_descriptions()
    {
        var create = new TransactionCreateOptions
        {
            PaymentRef = PaymentRef.Parse("r1"),
            Amount = Amount.Parse("10.00"),
            Currency = CurrencyCode.Sek,
            CardNumber = "4111111111111111",
            CardCvv = "123",
            CardExpiry = "0130",
        };
        var update = new TransactionUpdateOptions { CardNumber = "4111111111111111", CardCvv = "123" };
        var form = TransactionService.BuildCreateForm(create, "3", "secret");

        foreach (var text in new string[] { create.ToString(), update.ToString(), form.ToString()! })
        {
            Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
            Assert.DoesNotContain("123", text.Replace("r1", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("0130", text, StringComparison.Ordinal);
        }

        Assert.Equal("4111111111111111", form.CardNumber);
        Assert.Equal("123", form.CardCvv);
    }

    [Fact]
    public async Task Invalid_arguments_fail_before_anything_is_sent()
    {
        await using var stub = await StubUpstream.StartAsync("{}");
        using var client = TestClients.For(stub.BaseAddress);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Transactions.GetAsync(0));
        await Assert.ThrowsAsync<ArgumentException>(() => client.StoredCards.UpdateAsync(1, new StoredCardUpdateOptions { Status = "paused" }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = 1, Amount = Amount.Parse("1.00"), Reason = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Subscriptions.UpdateAsync(1, new SubscriptionUpdateOptions { Debt = 1.005m }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Plans.CreateAsync(new PlanCreateOptions { Name = "x", IntervalUnit = "weeks", Interval = 1, Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("1.00") } }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Transactions.GetAsync(1, requestOptions: new RequestOptions { Locale = "de" }));
        Assert.Empty(stub.Requests);
    }
}
