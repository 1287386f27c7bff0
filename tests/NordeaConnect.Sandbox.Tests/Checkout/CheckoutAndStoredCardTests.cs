using System.Net;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Checkout;

/// <summary>The checkout simulation (payment window), stored cards and token payments.</summary>
public sealed class CheckoutAndStoredCardTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    // Every field of the reference's "Show Tokenized Card" example response.
    private static readonly string[] StoredCardExampleFields =
        ["card_holder", "card_number", "created_at", "currency", "customer", "expires", "id", "merchant_id", "ref", "status", "test", "token"];

    [Fact]
    public async Task Opening_and_paying_a_payment_link_approves_the_transaction()
    {
        var pending = await Api.PrepareAsync("25.00");
        var href = pending["href"]!.GetValue<string>();

        using var browser = new HttpClient();
        var opened = await browser.GetAsync(href);
        var paid = await Api.PayAsync(href);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        paid.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", paid.Object["status"]!.GetValue<string>());
        var shown = await Api.GetAsync($"v1/transactions/{pending["id"]}");
        Assert.Equal("approved", shown.Object["status"]!.GetValue<string>());
        Assert.Equal("411111******1111", shown.Object["card_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_paid_link_cannot_be_paid_again()
    {
        var pending = await Api.PrepareAsync();
        var href = pending["href"]!.GetValue<string>();
        await Api.PayAsync(href);

        var again = await Api.PayAsync(href);

        again.ShouldBeError(HttpStatusCode.Conflict, "errors.checkout.not_payable");
    }

    [Fact]
    public async Task An_unknown_link_is_404()
    {
        var answer = await Api.PayAsync(fixture.Sandbox.BaseAddress + "_sandbox/checkout/nosuchtoken");

        answer.ShouldBeError(HttpStatusCode.NotFound, "errors.record.not_found");
    }

    [Fact]
    public async Task Storing_a_card_needs_a_customer_ref()
    {
        var pending = await Api.PrepareAsync();

        var answer = await Api.PayAsync(pending["href"]!.GetValue<string>(), storeCard: true);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.missing");
        var shown = await Api.GetAsync($"v1/transactions/{pending["id"]}");
        Assert.Equal("pending", shown.Object["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stored_card_has_the_reference_example_shape()
    {
        var card = await Api.StoreCardAsync("cust-shape");

        var shown = await Api.GetAsync($"v1/stored_cards/{card["id"]}");

        shown.ShouldBe(HttpStatusCode.OK);
        foreach (var field in StoredCardExampleFields)
        {
            Assert.True(shown.Object.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal("411111******1111", shown.Object["card_number"]!.GetValue<string>());
        Assert.Equal("active", shown.Object["status"]!.GetValue<string>());
        Assert.Equal("name name", shown.Object["card_holder"]!.GetValue<string>());
        Assert.Equal("2099-01-31T23:59:59Z", shown.Object["expires"]!.GetValue<string>());
        Assert.NotNull(shown.Object["customer"]!["id"]);
        Assert.Equal("cust-shape", shown.Object["customer_ref"]!.GetValue<string>());
        Assert.Equal(shown.Object["customer"]!["id"]!.GetValue<long>(), shown.Object["customer_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_reference_token_payment_example_charges_the_stored_card()
    {
        var card = await Api.StoreCardAsync("cust-token");
        var token = card["token"]!.GetValue<string>();

        // curl -X POST --data "card_number=<token>&card_type=stored_card&amount=5.00&payment_ref=53dfaa67&currency=sek&hash=..."
        var answer = await Api.PostFormAsync("v1/transactions", new Dictionary<string, string>
        {
            ["card_number"] = token,
            ["card_type"] = "stored_card",
            ["amount"] = "5.00",
            ["payment_ref"] = "53dfaa67",
            ["currency"] = "sek",
            ["hash"] = Api.Hash("53dfaa67", "5.00", "sek"),
        });

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", answer.Object["status"]!.GetValue<string>());
        Assert.Equal("5.0", answer.Object["amount"]!.GetValue<string>());
        Assert.Equal("411111******1111", answer.Object["card_number"]!.GetValue<string>());
        Assert.Equal("stored_card", answer.Object["transaction_type"]!.GetValue<string>());
        Assert.Equal(card["id"]!.GetValue<long>(), answer.Object["stored_card"]!["id"]!.GetValue<long>());
        Assert.Equal(card["customer"]!["id"]!.GetValue<long>(), answer.Object["customer"]!["id"]!.GetValue<long>());
        Assert.Equal("2.8", answer.Object["cost"]!["total"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_the_stored_card_error()
    {
        var answer = await Api.PostFormAsync("v1/transactions", new Dictionary<string, string>
        {
            ["card_number"] = "cc583309-0fe2-417d-a7e9-84da476a6596", ["card_type"] = "stored_card", ["amount"] = "5.00",
            ["payment_ref"] = "53dfaa67", ["currency"] = "sek", ["hash"] = Api.Hash("53dfaa67", "5.00", "sek"),
        });

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.stored_card.token.invalid");
        Assert.Equal(4002, answer.Object["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_inactive_or_deleted_card_cannot_be_charged()
    {
        var card = await Api.StoreCardAsync("cust-status");
        var token = card["token"]!.GetValue<string>();
        Dictionary<string, string> Payment()
        {
            var paymentRef = SandboxApi.NextPaymentRef();
            return new() { ["card_number"] = token, ["card_type"] = "stored_card", ["amount"] = "1.00", ["payment_ref"] = paymentRef, ["currency"] = "sek", ["hash"] = Api.Hash(paymentRef, "1.00", "sek") };
        }

        var inactive = await Api.PutFormAsync($"v1/stored_cards/{card["id"]}", [new("status", "inactive")]);
        var refused = await Api.PostFormAsync("v1/transactions", Payment());
        var active = await Api.PutFormAsync($"v1/stored_cards/{card["id"]}", [new("status", "active")]);
        var charged = await Api.PostFormAsync("v1/transactions", Payment());
        var deleted = await Api.DeleteAsync($"v1/stored_cards/{card["id"]}");
        var afterDelete = await Api.PostFormAsync("v1/transactions", Payment());
        var revive = await Api.PutFormAsync($"v1/stored_cards/{card["id"]}", [new("status", "active")]);

        Assert.Equal("inactive", inactive.Object["status"]!.GetValue<string>());
        refused.ShouldBeError(HttpStatusCode.Conflict, "errors.stored_card.not_usable");
        Assert.Equal("active", active.Object["status"]!.GetValue<string>());
        charged.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("deleted", deleted.Object["status"]!.GetValue<string>());
        afterDelete.ShouldBeError(HttpStatusCode.Conflict, "errors.stored_card.not_usable");
        revive.ShouldBeError(HttpStatusCode.Conflict, "errors.stored_card.not_usable");
    }

    [Fact]
    public async Task Bad_status_updates_are_refused()
    {
        var card = await Api.StoreCardAsync("cust-badstatus");

        var missing = await Api.PutFormAsync($"v1/stored_cards/{card["id"]}", []);
        var unknown = await Api.PutFormAsync($"v1/stored_cards/{card["id"]}", [new("status", "frozen")]);

        missing.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.missing");
        unknown.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
    }

    [Fact]
    public async Task Stored_cards_list_for_the_merchant_and_per_customer_with_filters()
    {
        var first = await Api.StoreCardAsync("cust-list-a");
        await Api.StoreCardAsync("cust-list-b");
        var customerId = first["customer"]!["id"]!.GetValue<long>();

        var forCustomer = await Api.GetAsync($"v1/customers/{customerId}/stored_cards");
        var byToken = await Api.GetAsync($"v1/stored_cards?filter[token]={first["token"]}");
        var active = await Api.GetAsync("v1/stored_cards?filter[status]=active&filter[card_number]=411111*&limit=100");
        var extended = await Api.GetAsync($"v1/stored_cards/{first["id"]}?extend=customer");

        Assert.Equal(first["id"]!.GetValue<long>(), Assert.Single(forCustomer.Array)!["id"]!.GetValue<long>());
        Assert.Single(byToken.Array);
        Assert.True(active.Array.Count >= 2);
        Assert.Equal("cust-list-a", extended.Object["customer"]!["ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task E_payments_allow_one_refund()
    {
        var pending = await Api.PrepareAsync("50.00");
        await Api.PayAsync(pending["href"]!.GetValue<string>(), paymentMethod: "bank");
        var id = pending["id"]!.ToString();

        var first = await Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "10.00"), new("reason", "one")]);
        var second = await Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "10.00"), new("reason", "two")]);

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBeError(HttpStatusCode.Conflict, "errors.refund.not_allowed");
    }

    [Fact]
    public async Task A_refused_checkout_creates_no_customer_card_or_subscription()
    {
        var euroOnly = await Api.PostJsonAsync("v1/plans", """{"name":"Euro","interval_unit":"months","interval":1,"prices":{"eur":"9.00"}}""");
        var pending = await Api.PrepareAsync(currency: "sek");

        var answer = await Api.PayAsync(pending["href"]!.GetValue<string>(), planId: euroOnly.Id, customerRef: "cust-never");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
        var customers = await Api.GetAsync("v1/customers?filter[ref]=cust-never");
        Assert.Empty(customers.Array);
        var shown = await Api.GetAsync($"v1/transactions/{pending["id"]}");
        Assert.Equal("pending", shown.Object["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_approved_wallet_payment_shows_as_a_card_payment_with_its_wallet_type()
    {
        var pending = await Api.PrepareAsync();

        var paid = await Api.PayAsync(pending["href"]!.GetValue<string>(), paymentMethod: "apple_pay");

        paid.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("credit_card", paid.Object["transaction"]!["transaction_type"]!.GetValue<string>());
        Assert.Equal("apple_pay", paid.Object["transaction"]!["wallet_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_wallet_payment_shows_as_the_wallet()
    {
        var pending = await Api.PrepareAsync(metadata: """{"nordeaconnect_instructions":{"fail_as_message":"do not honour"}}""");

        var paid = await Api.PayAsync(pending["href"]!.GetValue<string>(), paymentMethod: "vipps");

        Assert.Equal("failed", paid.Object["status"]!.GetValue<string>());
        Assert.Equal("vipps", paid.Object["transaction"]!["transaction_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task AfterPay_is_not_refunded_through_the_api()
    {
        var pending = await Api.PrepareAsync();
        await Api.PayAsync(pending["href"]!.GetValue<string>(), paymentMethod: "after_pay");

        var answer = await Api.PostFormAsync("v1/refunds", [new("transaction_id", pending["id"]!.ToString()), new("amount", "1.00"), new("reason", "x")]);

        answer.ShouldBeError(HttpStatusCode.Conflict, "errors.refund.not_allowed");
    }

    [Fact]
    public async Task An_unknown_payment_method_is_refused()
    {
        var pending = await Api.PrepareAsync();

        var answer = await Api.PayAsync(pending["href"]!.GetValue<string>(), paymentMethod: "gold_coins");

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.parameter.invalid");
    }
}
