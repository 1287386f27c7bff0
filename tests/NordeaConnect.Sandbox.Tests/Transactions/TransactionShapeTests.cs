using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Transactions;

/// <summary>The transaction object has the reference's fields, in its example responses' shapes.</summary>
public sealed class TransactionShapeTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    // Every field of the reference's "Show Transaction" example response.
    private static readonly string[] ShowExampleFields =
    [
        "amount", "card_holder", "card_number", "card_type", "cost", "created_at", "currency", "customer", "error", "error_url", "id",
        "merchant_id", "metadata", "payment_ref", "ref", "refunds", "status", "stored_card", "subscription", "success_url",
        "template_id", "test", "transaction_type", "webhooks",
    ];

    // The extra fields of the reference's create (token payment) example response.
    private static readonly string[] CreateExampleFields =
        ["vat_amount", "authorize", "href", "items", "client_info", "response_hash", "request_hash", "payment_details"];

    // The fields only the reference's .NET example shows, misspelling included.
    private static readonly string[] DotNetExampleFields = ["encrypted", "payment_request", "transcation_type"];

    private static readonly string[] PaymentDetailsFields =
    [
        "id", "card_number", "card_holder", "card_type", "customer_number", "personal_number", "first_name", "last_name", "zip",
        "country_code", "country", "address", "city", "bank_name", "bank_acc_lastdigits", "phone", "ssn", "card_issuer",
        "credit_or_debit", "card_country_code", "campaign", "segmentation", "address_1", "address_2", "swish_number", "email",
    ];

    [Fact]
    public async Task Created_transaction_has_every_field_of_the_reference_examples()
    {
        var created = await fixture.Api.CreateApprovedAsync("5.00");

        foreach (var field in ShowExampleFields.Concat(CreateExampleFields).Concat(DotNetExampleFields))
        {
            Assert.True(created.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal(["fixed_fee", "percentual_exchange_fee", "percentual_fee", "total"], created["cost"]!.AsObject().Select(p => p.Key));
        Assert.Equal(PaymentDetailsFields, created["payment_details"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["raw_user_agent", "browser", "version", "platform", "ip", "accept_language"], created["client_info"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Values_are_printed_as_the_reference_prints_them()
    {
        var created = await fixture.Api.CreateApprovedAsync("5.00");

        Assert.Equal("5.0", created["amount"]!.GetValue<string>());
        Assert.Equal("411111******1111", created["card_number"]!.GetValue<string>());
        Assert.Equal("VISA", created["card_type"]!.GetValue<string>());
        Assert.Equal("approved", created["status"]!.GetValue<string>());
        Assert.Equal("credit_card", created["transaction_type"]!.GetValue<string>());
        Assert.Equal("credit_card", created["transcation_type"]!.GetValue<string>());
        Assert.Equal(3, created["merchant_id"]!.GetValue<long>());
        Assert.True(created["test"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", created["created_at"]!.GetValue<string>());
        Assert.Empty(created["refunds"]!.AsArray());
        Assert.Null(created["href"]);
    }

    [Theory]
    [InlineData("1.00", "2.56")]
    [InlineData("5.00", "2.8")]
    [InlineData("10.00", "3.1")]
    [InlineData("725.00", "46.0")]
    public async Task Cost_follows_the_reference_formula(string amount, string total)
    {
        var created = await fixture.Api.CreateApprovedAsync(amount);

        var cost = created["cost"]!.AsObject();
        Assert.Equal("2.5", cost["fixed_fee"]!.GetValue<string>());
        Assert.Equal("0.025", cost["percentual_fee"]!.GetValue<string>());
        Assert.Equal("0.035", cost["percentual_exchange_fee"]!.GetValue<string>());
        Assert.Equal(total, cost["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task Show_returns_the_same_json_as_create()
    {
        var created = await fixture.Api.CreateApprovedAsync();

        var shown = await fixture.Api.GetAsync($"v1/transactions/{created["id"]}");

        shown.ShouldBe(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(created, shown.Body));
    }

    [Fact]
    public async Task Card_number_and_cvv_never_come_back()
    {
        var created = await fixture.Api.CreateApprovedAsync();

        var text = created.ToJsonString();
        Assert.DoesNotContain("4111111111111111", text, StringComparison.Ordinal);
        Assert.False(created.ContainsKey("card_cvv"));
    }

    [Fact]
    public async Task Another_merchant_cannot_see_the_transaction()
    {
        var created = await fixture.Api.CreateApprovedAsync();

        var shown = await fixture.OtherMerchantApi.GetAsync($"v1/transactions/{created["id"]}");
        var listed = await fixture.OtherMerchantApi.GetAsync($"v1/transactions?filter[id]={created["id"]}");

        shown.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
        listed.ShouldBe(HttpStatusCode.OK);
        Assert.Empty(listed.Array);
    }
}
