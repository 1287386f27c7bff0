using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Sandbox.Tests.Infrastructure;

/// <summary>Calls the sandbox over HTTP as a merchant, the way the reference's curl examples do (form posts, Basic auth).</summary>
public sealed class SandboxApi(HttpClient client, SandboxMerchant merchant) : IDisposable
{
    private static int _paymentRefs;

    public HttpClient Client { get; } = client;

    public SandboxMerchant Merchant { get; } = merchant;

    /// <summary>A fresh payment_ref of at most 12 characters.</summary>
    public static string NextPaymentRef() => "ref" + Interlocked.Increment(ref _paymentRefs).ToString(CultureInfo.InvariantCulture);

    /// <summary>MD5(merchant_id + payment_ref + customer_ref + amount + currency + test + secret) over the values as sent, computed independently of the sandbox.</summary>
    public string Hash(string paymentRef, string amount, string currency, bool test = false, string? customerRef = null) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(
            Merchant.Id + paymentRef + (customerRef ?? string.Empty) + amount + currency + (test ? "true" : "false") + Merchant.HashSecret)));

    /// <summary>The fields of a card payment, hash included.</summary>
    public Dictionary<string, string> CardPayment(string amount = "10.00", string currency = "sek", string? paymentRef = null, bool test = true, string? customerRef = null)
    {
        paymentRef ??= NextPaymentRef();
        var fields = new Dictionary<string, string>
        {
            ["amount"] = amount,
            ["currency"] = currency,
            ["payment_ref"] = paymentRef,
            ["test"] = test ? "true" : "false",
            ["card_number"] = "4111111111111111",
            ["card_holder"] = "Anna Andersson",
            ["card_expiry"] = "1299",
            ["card_cvv"] = "123",
            ["hash"] = Hash(paymentRef, amount, currency, test, customerRef),
        };
        if (customerRef is not null)
        {
            fields["customer_ref"] = customerRef;
        }

        return fields;
    }

    public Task<Answer> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(HttpMethod.Post, path, new FormUrlEncodedContent(fields));

    public Task<Answer> PutFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(HttpMethod.Put, path, new FormUrlEncodedContent(fields));

    public Task<Answer> PostJsonAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Answer> PutJsonAsync(string path, string json) =>
        SendAsync(HttpMethod.Put, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var contentRange = response.Content.Headers.TryGetValues("Content-Range", out var ranges) ? ranges.First()
            : response.Headers.TryGetValues("Content-Range", out var alt) ? alt.First() : null;
        return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), contentRange);
    }

    /// <summary>Creates an approved card transaction and returns it.</summary>
    public async Task<JsonObject> CreateApprovedAsync(string amount = "10.00", string currency = "sek", bool test = true, string? customerRef = null)
    {
        var answer = await PostFormAsync("v1/transactions", CardPayment(amount, currency, test: test, customerRef: customerRef));
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Object;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>An HTTP answer: status, parsed JSON body and Content-Range.</summary>
public sealed record Answer(HttpStatusCode Status, JsonNode? Body, string? ContentRange)
{
    public JsonObject Object => Body as JsonObject ?? throw new Xunit.Sdk.XunitException("Expected a JSON object, got: " + Body?.ToJsonString());

    public JsonArray Array => Body as JsonArray ?? throw new Xunit.Sdk.XunitException("Expected a JSON array, got: " + Body?.ToJsonString());

    public long Id => Object["id"]!.GetValue<long>();

    public void ShouldBe(HttpStatusCode expected)
    {
        if (Status != expected)
        {
            throw new Xunit.Sdk.XunitException($"Expected HTTP {(int)expected}, got {(int)Status}: {Body?.ToJsonString()}");
        }
    }

    /// <summary>Asserts a refusal with the reference's error object carrying <paramref name="name"/>.</summary>
    public void ShouldBeError(HttpStatusCode expected, string name)
    {
        ShouldBe(expected);
        var error = Object;
        Assert.Equal(["name", "code", "description"], error.Select(p => p.Key));
        Assert.Equal(name, error["name"]!.GetValue<string>());
        Assert.Equal(JsonValueKind.Number, error["code"]!.GetValueKind());
        Assert.False(string.IsNullOrWhiteSpace(error["description"]!.GetValue<string>()));
    }
}
