using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Api;

/// <summary>
/// Properties over seeded random input: whatever arrives (random bytes, random fields, random queries), the answer
/// is never a 5xx, a refusal carries an error object, and a refused call changes nothing.
/// </summary>
public sealed class RandomInputPropertyTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly (HttpMethod Method, string Path)[] WriteEndpoints =
    [
        (HttpMethod.Post, "v1/transactions"), (HttpMethod.Put, "v1/transactions/{t}"), (HttpMethod.Put, "v1/transactions/{t}/capture"),
        (HttpMethod.Post, "v1/refunds"), (HttpMethod.Post, "v1/customers"), (HttpMethod.Put, "v1/customers/{c}"),
        (HttpMethod.Post, "v1/plans"), (HttpMethod.Put, "v1/stored_cards/1"), (HttpMethod.Put, "v1/subscriptions/1"),
        (HttpMethod.Post, "v1/webhook_templates"), (HttpMethod.Put, "v1/webhook_templates/1"), (HttpMethod.Post, "_sandbox/checkout/{h}"),
    ];

    private static readonly string[] FieldNames =
    [
        "amount", "currency", "payment_ref", "hash", "test", "card_number", "card_holder", "card_expiry", "card_cvv", "card_type",
        "process", "authorize", "metadata", "items", "webhooks", "vat_amount", "customer_ref", "transaction_id", "reason", "ref",
        "status", "interval", "interval_unit", "prices", "setup_fees", "name", "periods", "trial_length", "debt", "plan_id",
        "subscription_quantity", "stored_card_id", "trigger", "type", "merchant_id", "body", "url", "locale", "store_card",
    ];

    private static readonly string[] Values =
    [
        "", "0", "-1", "1.00", "5", "1e308", "99999999999999999999999999", "true", "null", "{}", "[]", "{\"a\":", "[{}]",
        "%", "%ZZ", "\u0000", "💳", "ä", new string('9', 300), "4111111111111111", "1299", "sek", "stored_card", "approved",
        "{\"nordeaconnect_instructions\":{\"fail_as_code\":\"nope\"}}", "[{\"artno\":\"1\",\"amount\":1e400}]", "../../etc", "{{ x }}", "{% if %}",
    ];

    private static readonly string[] ListPaths =
        ["v1/transactions", "v1/refunds", "v1/stored_cards", "v1/plans", "v1/subscriptions", "v1/customers", "v1/webhook_templates", "v1/webhooks"];

    [Fact]
    public async Task Random_bodies_never_cause_a_5xx_or_a_change_from_a_refused_call()
    {
        var random = new Random(20180817);
        var transaction = await fixture.Api.CreateApprovedAsync("10.00");
        var pending = await fixture.Api.PrepareAsync();
        var customer = await fixture.Api.PostFormAsync("v1/customers", []);

        for (var round = 0; round < 300; round++)
        {
            var (method, template) = WriteEndpoints[random.Next(WriteEndpoints.Length)];
            var path = template.Replace("{t}", transaction["id"]!.ToString(), StringComparison.Ordinal)
                .Replace("{c}", customer.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{h}", pending["href"]!.GetValue<string>().Split('/')[^1], StringComparison.Ordinal);
            var content = RandomContent(random);
            var before = Snapshot();

            var answer = await fixture.Api.SendAsync(method, path, content);

            Assert.True((int)answer.Status < 500, $"round {round}: {method} {path} answered {(int)answer.Status}: {answer.Body?.ToJsonString()}");
            if ((int)answer.Status >= 400)
            {
                Assert.True(answer.Body is System.Text.Json.Nodes.JsonObject error && error.ContainsKey("name") && error.ContainsKey("code"), $"round {round}: {answer.Body?.ToJsonString()}");
                if ((int)answer.Status != 402)
                {
                    Assert.Equal(before, Snapshot());
                }
            }
        }
    }

    [Fact]
    public async Task Random_queries_never_cause_a_5xx()
    {
        var random = new Random(4002);
        string[] keys = ["limit", "offset", "start_id", "order_by", "extend", "filter[amount]", "filter[created_at]", "filter[status]", "filter[metadata.a.0.b]", "filter[", "filter[]", "filter[id]", "locale"];
        for (var round = 0; round < 200; round++)
        {
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                Uri.EscapeDataString(keys[random.Next(keys.Length)]) + "=" + Uri.EscapeDataString(Values[random.Next(Values.Length)] + (random.Next(3) == 0 ? ".." : string.Empty))));
            var path = ListPaths[random.Next(ListPaths.Length)] + "?" + query;

            var answer = await fixture.Api.GetAsync(path);

            Assert.True((int)answer.Status is 200 or 400, $"{path} answered {(int)answer.Status}: {answer.Body?.ToJsonString()}");
        }
    }

    private static HttpContent RandomContent(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                var bytes = new byte[random.Next(0, 200)];
                random.NextBytes(bytes);
                var raw = new ByteArrayContent(bytes);
                raw.Headers.ContentType = new MediaTypeHeaderValue(random.Next(2) == 0 ? "application/json" : "application/x-www-form-urlencoded");
                return raw;
            case 1:
                return new FormUrlEncodedContent(RandomFields(random));
            case 2:
                var json = "{" + string.Join(",", RandomFields(random).Select(f => "\"" + f.Key + "\":" + (random.Next(2) == 0 ? f.Value : System.Text.Json.JsonSerializer.Serialize(f.Value)))) + "}";
                return new StringContent(json, Encoding.UTF8, "application/json");
            default:
                var text = string.Join("&", RandomFields(random).Select(f => f.Key + "=" + f.Value));
                return new StringContent(text, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
    }

    private static List<KeyValuePair<string, string>> RandomFields(Random random) =>
        Enumerable.Range(0, random.Next(0, 8)).Select(_ => KeyValuePair.Create(FieldNames[random.Next(FieldNames.Length)], Values[random.Next(Values.Length)])).ToList();

    private (int Transactions, int Refunds, int Webhooks) Snapshot()
    {
        var transactions = fixture.Sandbox.Ledger.Transactions(fixture.Api.Merchant.Id);
        return (transactions.Count, transactions.Sum(t => fixture.Sandbox.Ledger.RefundsOf(t.Id).Count), fixture.Sandbox.Ledger.Webhooks(fixture.Api.Merchant.Id).Count);
    }
}
