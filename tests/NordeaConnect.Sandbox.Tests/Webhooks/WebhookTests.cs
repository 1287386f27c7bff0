using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Webhooks;

/// <summary>Webhook templates and webhooks: the API, and what reaches a merchant's endpoint on the reference's triggers.</summary>
public sealed class WebhookTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    private SandboxApi Api => fixture.Api;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        // Templates are per merchant and this class shares one sandbox: retire them so the next test starts clean.
        var templates = await Api.GetAsync("v1/webhook_templates?limit=1000");
        foreach (var template in templates.Array)
        {
            await Api.PutJsonAsync($"v1/webhook_templates/{template!["id"]}", """{"trigger": "none", "body": ""}""");
        }

        await _receiver.DisposeAsync();
    }

    private Task<Answer> CreateTemplateAsync(string trigger, string body, string dataFormat = "json", string? customHeaders = null, string? path = null) =>
        Api.PostJsonAsync("v1/webhook_templates", new JsonObject
        {
            ["type"] = "Webhook::CustomHttpWebhook",
            ["trigger"] = trigger,
            ["merchant_id"] = Api.Merchant.Id,
            ["url"] = new Uri(_receiver.Address, path ?? "hooks/{{ transaction.id }}").ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal).Replace("%20", " ", StringComparison.Ordinal),
            ["http_method"] = "POST",
            ["data_format"] = dataFormat,
            ["body"] = body,
            ["custom_headers"] = customHeaders,
        }.ToJsonString());

    [Fact]
    public async Task Webhook_templates_are_created_shown_listed_and_updated()
    {
        var created = await CreateTemplateAsync("refund", "{\"ref\": \"{{ transaction.payment_ref }}\"}");
        var shown = await Api.GetAsync($"v1/webhook_templates/{created.Id}");
        var updated = await Api.PutJsonAsync($"v1/webhook_templates/{created.Id}", """{"body": "Refunded {{ transaction.refunds.last.amount }}", "trigger": "payment_error"}""");
        var listed = await Api.GetAsync("v1/webhook_templates?filter[trigger]=payment_error");

        created.ShouldBe(HttpStatusCode.OK);
        foreach (var field in new[] { "id", "created_at", "url", "trigger", "type", "merchant_id", "email", "http_method", "data_format", "body", "custom_headers", "sender" })
        {
            Assert.True(shown.Object.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal("custom_http", shown.Object["type"]!.GetValue<string>());
        Assert.Equal("payment_error", updated.Object["trigger"]!.GetValue<string>());
        Assert.Equal("Refunded {{ transaction.refunds.last.amount }}", updated.Object["body"]!.GetValue<string>());
        Assert.Contains(listed.Array, t => t!["id"]!.GetValue<long>() == created.Id);
    }

    [Theory]
    [InlineData("""{"type":"Webhook::EmailWebhook","trigger":"payment","merchant_id":"3","body":"x"}""", "errors.parameter.missing")]
    [InlineData("""{"type":"Webhook::CustomHttpWebhook","trigger":"payment","merchant_id":"3","url":"http://x","body":"{% for %}"}""", "errors.parameter.invalid")]
    [InlineData("""{"type":"Webhook::CustomHttpWebhook","trigger":"payment","merchant_id":"77","url":"http://x","body":"x"}""", "errors.parameter.invalid")]
    [InlineData("""{"type":"Webhook::FaxWebhook","trigger":"payment","merchant_id":"3","body":"x"}""", "errors.parameter.invalid")]
    [InlineData("""{"type":"Webhook::CustomHttpWebhook","trigger":"whenever","merchant_id":"3","url":"http://x","body":"x"}""", "errors.parameter.invalid")]
    [InlineData("""{"type":"Webhook::CustomHttpWebhook","trigger":"payment","merchant_id":"3","url":"http://x"}""", "errors.parameter.missing")]
    public async Task Invalid_templates_are_refused(string json, string error)
    {
        var answer = await Api.PostJsonAsync("v1/webhook_templates", json);

        answer.ShouldBeError(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Create_takes_the_class_name_and_update_the_short_name_as_the_reference_documents_each_call()
    {
        var shortOnCreate = await Api.PostJsonAsync("v1/webhook_templates", """{"type":"custom_http","trigger":"payment","merchant_id":"3","url":"http://127.0.0.1/hook","body":"x"}""");
        var created = await CreateTemplateAsync("none", "x");
        var classOnUpdate = await Api.PutJsonAsync($"v1/webhook_templates/{created.Id}", """{"type":"Webhook::EmailWebhook","email":"ops@shop.example","body":"x"}""");
        var shortOnUpdate = await Api.PutJsonAsync($"v1/webhook_templates/{created.Id}", """{"type":"email","email":"ops@shop.example","body":"x"}""");

        shortOnCreate.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
        Assert.Contains("Webhook::CustomHttpWebhook", shortOnCreate.Object["description"]!.GetValue<string>(), StringComparison.Ordinal);
        classOnUpdate.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
        Assert.Contains("custom_http, email or receipt", classOnUpdate.Object["description"]!.GetValue<string>(), StringComparison.Ordinal);
        shortOnUpdate.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("email", shortOnUpdate.Object["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("body", "{{ transaction.id | shout }}", "Unknown filter 'shout'")]
    [InlineData("body", "{% if transaction.id %}", "'{% endif %}' was expected")]
    [InlineData("custom_headers", "X-Id={{ transaction.id", "End of tag '}}' was expected")]
    public async Task A_template_error_answers_the_error_object_naming_the_field_and_the_problem(string field, string liquid, string problem)
    {
        var template = new JsonObject
        {
            ["type"] = "Webhook::CustomHttpWebhook", ["trigger"] = "payment", ["merchant_id"] = Api.Merchant.Id,
            ["url"] = "http://127.0.0.1/hook", ["body"] = "x",
        };
        template[field] = liquid;

        var answer = await Api.PostJsonAsync("v1/webhook_templates", template.ToJsonString());

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
        var description = answer.Object["description"]!.GetValue<string>();
        Assert.Contains(field, description, StringComparison.Ordinal);
        Assert.Contains(problem, description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_naming_a_field_the_object_lacks_records_why_it_was_not_delivered()
    {
        await CreateTemplateAsync("payment_success", "{{ transaction.no_such_field }}", path: "strict");

        var paid = await Api.CreateApprovedAsync();

        var listed = await Api.GetAsync($"v1/webhooks?filter[transaction_id]={paid["id"]}&limit=100");
        var webhook = Assert.Single(listed.Array, w => w!["url"]?.GetValue<string>()?.EndsWith("/strict", StringComparison.Ordinal) == true)!;
        Assert.Equal("0", webhook["response"]!["code"]!.GetValue<string>());
        Assert.Equal("Undefined variable 'no_such_field'", webhook["response"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_template_renders_its_liquid_body_on_its_trigger()
    {
        await CreateTemplateAsync("payment_success",
            "{% for item in transaction.metadata['products'] %}{{ item['name'] }} x{{ item['qty'] }};{% endfor %} {{ transaction.amount | upcase }} {{ transaction.currency | upcase }}",
            customHeaders: "X-Order={{ transaction.payment_ref }}");
        var fields = Api.CardPayment("12.00");
        fields["metadata"] = """{"products":[{"name":"Nice Shoe","qty":"1"},{"name":"Sock","qty":"2"}]}""";

        var created = await Api.PostFormAsync("v1/transactions", fields);
        var received = await _receiver.NextAsync();

        Assert.Equal("POST", received.Method);
        Assert.Equal($"/hooks/{created.Id}", received.PathAndQuery);
        Assert.Equal("Nice Shoe x1;Sock x2; 12.0 SEK", received.Body);
        Assert.Equal(fields["payment_ref"], received.Headers["X-Order"]);
        var transaction = await Api.GetAsync($"v1/transactions/{created.Id}");
        var webhook = Assert.Single(transaction.Object["webhooks"]!.AsArray())!;
        Assert.Equal("payment_success", webhook["trigger"]!.GetValue<string>());
        Assert.Equal("CustomHttp", webhook["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refund_receipt_shows_the_last_refund()
    {
        await CreateTemplateAsync("refund", "Order {{ transaction.payment_ref }} refunded {{ transaction.refunds.last.amount }}: {{ transaction.refunds.last.reason }}");
        var transaction = await Api.CreateApprovedAsync("40.00");

        await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "15.00"), new("reason", "Cancelled order")]);
        var received = await _receiver.NextAsync();

        Assert.Equal($"Order {transaction["payment_ref"]} refunded 15.0: Cancelled order", received.Body);
    }

    [Fact]
    public async Task Webhooks_attached_to_a_transaction_fire_once_in_their_data_format()
    {
        var fields = Api.CardPayment("7.00");
        fields["webhooks"] = new JsonArray(
            new JsonObject { ["trigger"] = "payment_success", ["email"] = "info@nordeaconnect.com" },
            new JsonObject { ["trigger"] = "payment_success", ["url"] = new Uri(_receiver.Address, "confirm").ToString(), ["http_method"] = "put", ["data_format"] = "form_data" }).ToJsonString();

        var created = await Api.PostFormAsync("v1/transactions", fields);
        var received = await _receiver.NextAsync();

        Assert.Equal("PUT", received.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", received.ContentType, StringComparison.Ordinal);
        Assert.Contains("payment_ref=" + fields["payment_ref"], received.Body, StringComparison.Ordinal);
        var webhooks = created.Object["webhooks"]!.AsArray();
        Assert.Equal(["Email", "CustomHttp"], webhooks.Select(w => w!["type"]!.GetValue<string>()));
        // The reference example's fields, plus retry_count (its retry formula's counter; the sandbox shows it, see README).
        Assert.Equal(["created_at", "data_format", "email", "http_method", "id", "response", "retry_count", "trigger", "type", "url"], webhooks[0]!.AsObject().Select(p => p.Key));
        var email = fixture.Sandbox.Ledger.Webhooks(Api.Merchant.Id).Single(w => w.Id == webhooks[0]!["id"]!.GetValue<long>());
        Assert.Equal("recorded", email.Delivery);
    }

    [Fact]
    public async Task Webhooks_are_shown_and_listed_with_the_targets_response()
    {
        await CreateTemplateAsync("payment", "{{ transaction.id }}", path: "answer");
        _receiver.Answer = HttpStatusCode.Accepted;
        var created = await Api.CreateApprovedAsync();
        await _receiver.NextAsync();
        var webhookId = (await Api.GetAsync($"v1/transactions/{created["id"]}")).Object["webhooks"]![0]!["id"]!.GetValue<long>();

        JsonObject shown;
        var waited = 0;
        do
        {
            await Task.Delay(50);
            shown = (await Api.GetAsync($"v1/webhooks/{webhookId}")).Object;
        }
        while (shown["response"] is null && ++waited < 100);
        var listed = await Api.GetAsync($"v1/webhooks?filter[transaction_id]={created["id"]}");

        Assert.Equal("202", shown["response"]!["code"]!.GetValue<string>());
        Assert.Equal(webhookId, Assert.Single(listed.Array)!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_until_webhook_exhausted()
    {
        await CreateTemplateAsync("payment_error", "{{ transaction.id }}", path: "failing");
        await Api.PostJsonAsync("v1/webhook_templates", new JsonObject
        {
            ["type"] = "Webhook::EmailWebhook", ["trigger"] = "webhook_exhausted", ["merchant_id"] = Api.Merchant.Id,
            ["email"] = "ops@merchant.example", ["body"] = "Webhook {{ webhook.id }} gave up",
        }.ToJsonString());
        _receiver.Answer = HttpStatusCode.InternalServerError;
        var fields = Api.CardPayment();
        fields["metadata"] = """{"nordeaconnect_instructions":{"fail_as_message":"do not honour"}}""";
        await Api.PostFormAsync("v1/transactions", fields);
        await _receiver.NextAsync();

        // The reference's schedule spreads 20 retries over days; each clock move runs the retries that fell due.
        Sandbox.Ledger.LedgerWebhook Failing() => fixture.Sandbox.Ledger.Webhooks(Api.Merchant.Id)
            .Single(w => w.Trigger == "payment_error" && w.Url!.EndsWith("/failing", StringComparison.Ordinal));
        for (var day = 0; day < 40 && Failing().Delivery != "exhausted"; day++)
        {
            await Api.AdvanceAsync(TimeSpan.FromDays(1));
        }

        var failing = Failing();
        var webhooks = fixture.Sandbox.Ledger.Webhooks(Api.Merchant.Id);
        Assert.Equal("exhausted", failing.Delivery);
        Assert.Equal(21, failing.Attempts.Count);
        Assert.All(failing.Attempts, a => Assert.Equal(500, a.StatusCode));
        Assert.Contains(webhooks, w => w.Trigger == "webhook_exhausted" && w.Email == "ops@merchant.example" && w.Delivery == "recorded");
    }
}
