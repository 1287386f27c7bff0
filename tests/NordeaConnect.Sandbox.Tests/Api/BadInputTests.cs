using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Api;

/// <summary>Bad input of any kind gets a 40x with an error object, never a 500, and never changes stored data.</summary>
public sealed class BadInputTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    public static TheoryData<string, string, byte[]> BadBodies => new()
    {
        { "application/x-www-form-urlencoded", "invalid UTF-8", [.. "amount=5.00&card_holder="u8, 0xC3, 0x28] },
        { "application/x-www-form-urlencoded", "percent-escaped invalid UTF-8", "amount=5.00&card_holder=%FF%FE"u8.ToArray() },
        { "application/x-www-form-urlencoded", "broken percent-escape", "amount=5.00&card_holder=%G1"u8.ToArray() },
        { "application/x-www-form-urlencoded", "unbalanced brackets", "metadata[user=1"u8.ToArray() },
        { "application/json", "malformed JSON", "{\"amount\": \"5.00\","u8.ToArray() },
        { "application/json", "JSON that is not an object", "[1,2,3]"u8.ToArray() },
        { "application/json", "invalid UTF-8 in JSON", [.. "{\"reason\": \""u8, 0xFF, .. "\"}"u8] },
        { "application/json", "a JSON number where text is expected", "{\"amount\": {\"value\": 5}}"u8.ToArray() },
        { "text/plain", "a content type the API does not take", "amount=5.00"u8.ToArray() },
        { "application/xml", "XML", "<amount>5.00</amount>"u8.ToArray() },
        { "application/x-www-form-urlencoded; charset=latin1", "a charset other than UTF-8", "amount=5.00"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Malformed_bodies_are_refused_without_changing_anything(string contentType, string what, byte[] body)
    {
        var before = Snapshot();

        foreach (var (method, path) in new[] { (HttpMethod.Post, "v1/transactions"), (HttpMethod.Post, "v1/refunds"), (HttpMethod.Put, "v1/transactions/1") })
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var answer = await Api.SendAsync(method, path, content);

            Assert.True((int)answer.Status is >= 400 and < 500, $"{what} on {method} {path} answered {(int)answer.Status}");
            Assert.True(answer.Object.ContainsKey("name") && answer.Object.ContainsKey("code") && answer.Object.ContainsKey("description"), what);
        }

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task An_oversized_body_answers_413()
    {
        var answer = await Api.SendAsync(HttpMethod.Post, "v1/refunds", new StringContent("reason=" + new string('x', 2 << 20), Encoding.UTF8, "application/x-www-form-urlencoded"));

        answer.ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "errors.request.too_large");
    }

    [Theory]
    [InlineData("v1/transactions/abc")]
    [InlineData("v1/transactions/-1")]
    [InlineData("v1/transactions/0")]
    [InlineData("v1/transactions/99999999999999999999999")]
    [InlineData("v1/refunds/1.5")]
    public async Task Ids_that_name_nothing_answer_404(string path)
    {
        var answer = await Api.GetAsync(path);

        answer.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
    }

    [Theory]
    [InlineData("payment_ref", "1234567890123")]
    [InlineData("currency", "xyz")]
    [InlineData("card_expiry", "1399")]
    [InlineData("card_expiry", "0120")]
    [InlineData("card_cvv", "12a")]
    [InlineData("card_number", "4111111111111112")]
    [InlineData("test", "perhaps")]
    [InlineData("metadata", "{not json")]
    [InlineData("metadata", "[1,2]")]
    [InlineData("webhooks", "{\"trigger\":\"payment\",\"url\":\"ftp://x\"}")]
    [InlineData("template_id", "99999999999999999999999")]
    [InlineData("vat_amount", "11.00")]
    public async Task Wrong_values_are_refused_without_storing_anything(string field, string value)
    {
        var before = Snapshot();
        var fields = Api.CardPayment();
        fields[field] = value;
        if (field is "payment_ref" or "currency")
        {
            fields["hash"] = Api.Hash(fields["payment_ref"], fields["amount"], fields["currency"], test: true);
        }

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(before, Snapshot());
    }

    private int Snapshot() => fixture.Sandbox.Ledger.Transactions(Api.Merchant.Id).Count;
}
