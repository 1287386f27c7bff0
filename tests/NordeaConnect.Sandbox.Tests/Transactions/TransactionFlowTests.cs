using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Transactions;

/// <summary>Creating, preparing, authorizing, capturing and updating transactions.</summary>
public sealed class TransactionFlowTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    [Fact]
    public async Task A_wrong_hash_is_refused_and_nothing_is_stored()
    {
        var fields = Api.CardPayment();
        fields["hash"] = new string('0', 32);
        var before = fixture.Sandbox.Ledger.Transactions(Api.Merchant.Id).Count;

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.hash.invalid");
        Assert.Equal(before, fixture.Sandbox.Ledger.Transactions(Api.Merchant.Id).Count);
    }

    [Fact]
    public async Task The_hash_covers_customer_ref_and_test()
    {
        var fields = Api.CardPayment(customerRef: "cust-42");
        fields["test"] = "false";

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.hash.invalid");
    }

    [Theory]
    [InlineData("SEK", "SEK", true)]
    [InlineData("SEK", "sek", false)]
    [InlineData("sek", "sek", true)]
    [InlineData("sek", "SEK", false)]
    [InlineData("Eur", "Eur", true)]
    public async Task The_currency_is_hashed_as_sent(string sent, string hashed, bool accepted)
    {
        var fields = Api.CardPayment(currency: sent);
        fields["hash"] = Api.Hash(fields["payment_ref"], fields["amount"], hashed, test: true);

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        if (accepted)
        {
            answer.ShouldBe(HttpStatusCode.OK);
            Assert.Equal(sent.ToLowerInvariant(), answer.Object["currency"]!.GetValue<string>());
        }
        else
        {
            answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.hash.invalid");
        }
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5.0")]
    [InlineData("5,00")]
    [InlineData("-5.00")]
    [InlineData("0.00")]
    [InlineData("99999999999999999999.00")]
    public async Task Amounts_must_have_two_decimals_and_a_dot(string amount)
    {
        var fields = Api.CardPayment();
        fields["amount"] = amount;
        fields["hash"] = Api.Hash(fields["payment_ref"], amount, "sek", test: true);

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.missing_or_invalid.amount_error");
    }

    [Fact]
    public async Task Missing_card_number_answers_the_reference_example_error()
    {
        var fields = Api.CardPayment();
        fields.Remove("card_number");

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.card_number.missing");
        Assert.Equal(118, answer.Object["code"]!.GetValue<int>());
        Assert.Equal("Card number is missing", answer.Object["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Process_false_prepares_a_pending_transaction_with_a_payment_link()
    {
        var fields = Api.CardPayment();
        foreach (var card in new[] { "card_number", "card_holder", "card_expiry", "card_cvv" })
        {
            fields.Remove(card);
        }

        fields["process"] = "false";

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("pending", answer.Object["status"]!.GetValue<string>());
        var href = answer.Object["href"]!.GetValue<string>();
        Assert.StartsWith(fixture.Sandbox.BaseAddress + "_sandbox/checkout/", href, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_encrypted_parameter_is_kept_from_create_and_replaced_by_an_update()
    {
        var fields = Api.CardPayment();
        fields["process"] = "false";
        fields["encrypted"] = "card_number";
        var created = await Api.PostFormAsync("v1/transactions", fields);

        var metadataOnly = await Api.PutJsonAsync($"v1/transactions/{created.Id}", """{"process": false, "metadata": {"a": 1}}""");
        var paid = await Api.PutFormAsync($"v1/transactions/{created.Id}", new Dictionary<string, string>
        {
            ["card_number"] = "5555555555554444",
            ["card_holder"] = "Bo Ek",
            ["card_expiry"] = "0199",
            ["card_cvv"] = "321",
            ["encrypted"] = "card_number,card_cvv",
        });

        Assert.Equal("card_number", created.Object["encrypted"]!.GetValue<string>());
        Assert.Equal("card_number", metadataOnly.Object["encrypted"]!.GetValue<string>());
        paid.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("card_number,card_cvv", paid.Object["encrypted"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pending_transaction_is_paid_by_updating_it_with_card_details()
    {
        var fields = Api.CardPayment();
        fields["process"] = "false";
        var created = await Api.PostFormAsync("v1/transactions", fields);

        var paid = await Api.PutFormAsync($"v1/transactions/{created.Id}", new Dictionary<string, string>
        {
            ["card_number"] = "5555555555554444",
            ["card_holder"] = "Bo Ek",
            ["card_expiry"] = "0199",
            ["card_cvv"] = "321",
        });

        paid.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", paid.Object["status"]!.GetValue<string>());
        Assert.Equal("555555******4444", paid.Object["card_number"]!.GetValue<string>());
        Assert.Equal("MASTERCARD", paid.Object["card_type"]!.GetValue<string>());
        Assert.Null(paid.Object["href"]);
    }

    [Fact]
    public async Task Card_details_cannot_change_once_approved()
    {
        var created = await Api.CreateApprovedAsync();

        var answer = await Api.PutFormAsync($"v1/transactions/{created["id"]}", new Dictionary<string, string>
        {
            ["card_number"] = "5555555555554444", ["card_holder"] = "Bo Ek", ["card_expiry"] = "0199", ["card_cvv"] = "321",
        });

        answer.ShouldBeError(HttpStatusCode.Conflict, "errors.transaction.not_updatable");
        var shown = await Api.GetAsync($"v1/transactions/{created["id"]}");
        Assert.Equal("411111******1111", shown.Object["card_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metadata_update_is_merged_into_existing_metadata()
    {
        var fields = Api.CardPayment();
        fields["metadata"] = """{"products":["awesomeness","coolness"],"user":{"email":"justmyemail@nordeaconnect.com"}}""";
        var created = await Api.PostFormAsync("v1/transactions", fields);

        var updated = await Api.PutJsonAsync($"v1/transactions/{created.Id}", """{"process": false, "metadata": {"shop_order": {"id": "123123"}, "user": {"name": "Anna"}}}""");

        updated.ShouldBe(HttpStatusCode.OK);
        var expected = JsonNode.Parse("""{"products":["awesomeness","coolness"],"user":{"email":"justmyemail@nordeaconnect.com","name":"Anna"},"shop_order":{"id":"123123"}}""");
        Assert.True(JsonNode.DeepEquals(expected, updated.Object["metadata"]), updated.Object["metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Authorize_then_capture_part_of_it()
    {
        var fields = Api.CardPayment("100.00");
        fields["authorize"] = "true";
        var authorized = await Api.PostFormAsync("v1/transactions", fields);
        Assert.Equal("authorized", authorized.Object["status"]!.GetValue<string>());

        var tooMuch = await Api.PutFormAsync($"v1/transactions/{authorized.Id}/capture", [new("amount", "100.01")]);
        var captured = await Api.PutFormAsync($"v1/transactions/{authorized.Id}/capture", [new("amount", "60.00")]);
        var again = await Api.PutFormAsync($"v1/transactions/{authorized.Id}/capture", [new("amount", "10.00")]);

        tooMuch.ShouldBeError(HttpStatusCode.Conflict, "errors.capture.amount_exceeds_authorized");
        captured.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", captured.Object["status"]!.GetValue<string>());
        Assert.Equal("60.0", captured.Object["amount"]!.GetValue<string>());
        again.ShouldBeError(HttpStatusCode.Conflict, "errors.capture.not_authorized");
        var captures = fixture.Sandbox.Ledger.CapturesOf(authorized.Id);
        Assert.Equal(60.00m, Assert.Single(captures).Amount.Value);
    }

    [Fact]
    public async Task Capturing_a_transaction_that_was_not_authorized_is_refused()
    {
        var created = await Api.CreateApprovedAsync();

        var answer = await Api.PutFormAsync($"v1/transactions/{created["id"]}/capture", [new("amount", "1.00")]);

        answer.ShouldBeError(HttpStatusCode.Conflict, "errors.capture.not_authorized");
    }

    [Fact]
    public async Task Fail_as_message_declines_with_that_message_and_records_a_failed_transaction()
    {
        var fields = Api.CardPayment();
        fields["metadata"] = """{"nordeaconnect_instructions":{"fail_as_message":"do not honour"}}""";

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.PaymentRequired, "errors.payment.declined");
        Assert.Equal("do not honour", answer.Object["description"]!.GetValue<string>());
        var listed = await Api.GetAsync($"v1/transactions?filter[payment_ref]={fields["payment_ref"]}");
        var failed = Assert.Single(listed.Array)!.AsObject();
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Equal("do not honour", failed["error"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fail_as_code_fails_with_that_row_of_the_error_table()
    {
        var fields = Api.CardPayment();
        fields["metadata"] = """{"nordeaconnect_instructions":{"fail_as_code":"errors.invoice.address_not_found"}}""";

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, "errors.invoice.address_not_found");
        Assert.Equal(265, answer.Object["code"]!.GetValue<int>());
        Assert.Equal("Address cannot be found for the specified customer", answer.Object["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"artno":"001"}""", "errors.items.not_array")]
    [InlineData("""[{"amount":1,"description":"user license2","qty":1,"vat":25}]""", "errors.items.artno_missing")]
    [InlineData("""[{"artno":"001","amount":1,"qty":1,"vat":25}]""", "errors.items.description_missing")]
    [InlineData("""[{"artno":"001","description":"user license2","qty":1,"vat":25}]""", "errors.items.amount_missing")]
    [InlineData("""[{"artno":"001","amount":"one","description":"user license2","qty":1,"vat":25}]""", "errors.items.amount_not_valid")]
    [InlineData("""[{"artno":"001","amount":1,"description":"user license2","vat":25}]""", "errors.items.qty_missing")]
    [InlineData("""[{"artno":"001","amount":1,"description":"user license2","qty":1}]""", "errors.items.vat_missing")]
    [InlineData("""[{"artno":"001","amount":2,"description":"user license2","qty":1,"vat":25}]""", "errors.items.transaction_amount_mismatch")]
    public async Task Items_are_validated_with_the_items_error_codes(string items, string error)
    {
        var fields = Api.CardPayment("1.00");
        fields["items"] = items;

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBeError(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task The_reference_items_example_is_accepted()
    {
        var fields = Api.CardPayment("1.00");
        fields["items"] = """[{"artno": "001", "amount": 1, "description": "user license2", "qty": 1, "vat": 25, "discount": 0}]""";

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("001", answer.Object["items"]![0]!["artno"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transaction_can_be_created_from_a_json_body()
    {
        var fields = Api.CardPayment("12.00");
        var json = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value))));
        json["test"] = true;
        json["metadata"] = JsonNode.Parse("""{"user":{"email":"jd@email.com"}}""");

        var answer = await Api.PostJsonAsync("v1/transactions", json.ToJsonString());

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("jd@email.com", answer.Object["metadata"]!["user"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Forms_may_send_objects_in_bracket_notation_as_the_ruby_and_php_libraries_do()
    {
        var fields = Api.CardPayment("3.00").ToList();
        fields.AddRange(
        [
            new("metadata[user][email]", "jd@email.com"),
            new("metadata[products][][name]", "Nice Shoe"),
            new("items[][artno]", "001"), new("items[][description]", "shoe"), new("items[][amount]", "1.00"), new("items[][qty]", "1"), new("items[][vat]", "25"),
            new("items[][artno]", "002"), new("items[][description]", "sock"), new("items[][amount]", "2.00"), new("items[][qty]", "2"), new("items[][vat]", "25"),
        ]);

        var answer = await Api.PostFormAsync("v1/transactions", fields);

        answer.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("jd@email.com", answer.Object["metadata"]!["user"]!["email"]!.GetValue<string>());
        Assert.Equal("Nice Shoe", answer.Object["metadata"]!["products"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["001", "002"], answer.Object["items"]!.AsArray().Select(i => i!["artno"]!.GetValue<string>()));
    }
}
