using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Customers;

/// <summary>Customers: created with or without a ref, shown, listed, their metadata updated, and their nested lists.</summary>
public sealed class CustomerTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    [Fact]
    public async Task Create_with_ref_and_metadata()
    {
        var answer = await Api.PostJsonAsync("v1/customers", """{"ref": "cust-1001", "metadata": {"user": {"email": "jd@email.com"}}}""");

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["created_at", "id", "metadata", "ref", "updated_at"], answer.Object.Select(p => p.Key));
        Assert.Equal("cust-1001", answer.Object["ref"]!.GetValue<string>());
        Assert.Equal("jd@email.com", answer.Object["metadata"]!["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_ref_one_is_generated()
    {
        var first = await Api.PostFormAsync("v1/customers", []);
        var second = await Api.PostFormAsync("v1/customers", []);

        Assert.False(string.IsNullOrEmpty(first.Object["ref"]!.GetValue<string>()));
        Assert.NotEqual(first.Object["ref"]!.GetValue<string>(), second.Object["ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_ref_can_be_used_once()
    {
        await Api.PostFormAsync("v1/customers", [new("ref", "cust-dup")]);

        var again = await Api.PostFormAsync("v1/customers", [new("ref", "cust-dup")]);

        again.ShouldBeError(HttpStatusCode.Conflict, "errors.customer.ref_taken");
    }

    [Fact]
    public async Task Show_list_and_update_metadata()
    {
        var created = await Api.PostFormAsync("v1/customers", [new("ref", "cust-upd"), new("metadata", """{"tier":"gold","user":{"email":"a@b.se"}}""")]);

        var updated = await Api.PutJsonAsync($"v1/customers/{created.Id}", """{"metadata": {"user": {"phone": "0701234567"}}}""");
        var shown = await Api.GetAsync($"v1/customers/{created.Id}");
        var listed = await Api.GetAsync("v1/customers?filter[ref]=cust-upd");
        var byMetadata = await Api.GetAsync("v1/customers?filter[metadata.tier]=gold");

        updated.ShouldBe(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"tier":"gold","user":{"email":"a@b.se","phone":"0701234567"}}"""), shown.Object["metadata"]));
        Assert.Equal(created.Id, Assert.Single(listed.Array)!["id"]!.GetValue<long>());
        Assert.Contains(byMetadata.Array, c => c!["id"]!.GetValue<long>() == created.Id);
    }

    [Fact]
    public async Task Update_without_metadata_is_refused()
    {
        var created = await Api.PostFormAsync("v1/customers", []);

        var answer = await Api.PutFormAsync($"v1/customers/{created.Id}", [new("ref", "x")]);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.missing");
    }

    [Fact]
    public async Task A_payment_with_customer_ref_lists_under_that_customer()
    {
        var transaction = await Api.CreateApprovedAsync(customerRef: "cust-nested");
        var customerId = transaction["customer"]!["id"]!.GetValue<long>();

        var transactions = await Api.GetAsync($"v1/customers/{customerId}/transactions");
        var extended = await Api.GetAsync($"v1/transactions/{transaction["id"]}?extend=customer.ref");
        var unknown = await Api.GetAsync("v1/customers/987654321/transactions");

        Assert.Equal(transaction["id"]!.GetValue<long>(), Assert.Single(transactions.Array)!["id"]!.GetValue<long>());
        Assert.Equal("items 1-1/1", transactions.ContentRange);
        Assert.Equal("cust-nested", extended.Object["customer"]!["ref"]!.GetValue<string>());
        unknown.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
    }

    [Fact]
    public async Task Other_merchants_do_not_see_the_customer()
    {
        var created = await Api.PostFormAsync("v1/customers", [new("ref", "cust-private")]);

        var shown = await fixture.OtherMerchantApi.GetAsync($"v1/customers/{created.Id}");
        var sameRef = await fixture.OtherMerchantApi.PostFormAsync("v1/customers", [new("ref", "cust-private")]);

        shown.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
        sameRef.ShouldBe(HttpStatusCode.OK);
    }
}
