using System.Net;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Refunds;

/// <summary>Refunds: the reference's example request, partial and full refunds, never more than was paid.</summary>
public sealed class RefundTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    [Fact]
    public async Task The_reference_example_refund_has_the_example_response_shape()
    {
        var transaction = await Api.CreateApprovedAsync("725.00");

        // curl -X POST --data "transaction_id=7510&amount=5.00&reason=cancelled%20order" --user 3:password .../v1/refunds
        var answer = await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "5.00"), new("reason", "cancelled order")]);

        answer.ShouldBe(HttpStatusCode.OK);
        foreach (var field in new[] { "amount", "reason", "ref", "id", "created_at", "transaction" })
        {
            Assert.True(answer.Object.ContainsKey(field), $"missing {field}");
        }

        Assert.Equal("5.0", answer.Object["amount"]!.GetValue<string>());
        Assert.Equal("cancelled order", answer.Object["reason"]!.GetValue<string>());
        Assert.Equal(transaction["id"]!.GetValue<long>(), answer.Object["transaction"]!["id"]!.GetValue<long>());
        Assert.Single(answer.Object["transaction"]!.AsObject());
        Assert.Equal(transaction["id"]!.GetValue<long>(), answer.Object["transaction_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_refund_answers_its_ref_and_the_payment_systems_response_on_create_show_and_list()
    {
        var transaction = await Api.CreateApprovedAsync();
        var created = await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "1.00"), new("reason", "Cancelled order")]);

        var shown = await Api.GetAsync($"v1/refunds/{created.Id}");
        var listed = await Api.GetAsync($"v1/refunds?filter[id]={created.Id}");

        foreach (var refund in new[] { created.Object, shown.Object, listed.Array.Single()!.AsObject() })
        {
            Assert.True(refund.ContainsKey("ref"), "the refund object has ref (\"Not in use\")");
            Assert.Null(refund["ref"]);
            Assert.Equal("Approved", refund["response"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Show_refund_and_extend_its_transaction()
    {
        var transaction = await Api.CreateApprovedAsync();
        var refund = await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "1.00"), new("reason", "Cancelled order")]);

        var shown = await Api.GetAsync($"v1/refunds/{refund.Id}");
        var extended = await Api.GetAsync($"v1/refunds/{refund.Id}?extend=transaction");
        var attribute = await Api.GetAsync($"v1/refunds/{refund.Id}?extend=transaction.test");

        shown.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Cancelled order", shown.Object["reason"]!.GetValue<string>());
        Assert.Equal("411111******1111", extended.Object["transaction"]!["card_number"]!.GetValue<string>());
        Assert.Equal(["id", "test"], attribute.Object["transaction"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Partial_refunds_add_up_to_the_paid_amount_and_no_further()
    {
        var transaction = await Api.CreateApprovedAsync("10.00");
        var id = transaction["id"]!.ToString();

        var first = await Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "4.00"), new("reason", "one")]);
        var second = await Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "6.00"), new("reason", "two")]);
        var third = await Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "0.01"), new("reason", "three")]);

        first.ShouldBe(HttpStatusCode.OK);
        second.ShouldBe(HttpStatusCode.OK);
        third.ShouldBeError(HttpStatusCode.Conflict, "errors.refund.amount_exceeds_paid");
        var shown = await Api.GetAsync($"v1/transactions/{id}");
        Assert.Equal(2, shown.Object["refunds"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_pending_transaction_cannot_be_refunded()
    {
        var fields = Api.CardPayment();
        fields["process"] = "false";
        var pending = await Api.PostFormAsync("v1/transactions", fields);

        var answer = await Api.PostFormAsync("v1/refunds", [new("transaction_id", pending.Id.ToString()), new("amount", "1.00"), new("reason", "x")]);

        answer.ShouldBeError(HttpStatusCode.Conflict, "errors.refund.not_allowed");
    }

    [Theory]
    [InlineData("", "1.00", "x", "errors.parameter.missing")]
    [InlineData("abc", "1.00", "x", "errors.parameter.invalid")]
    [InlineData("999999999", "1.00", "x", "errors.record.not_found")]
    [InlineData(null, "1", "x", "errors.missing_or_invalid.amount_error")]
    [InlineData(null, "1.00", "", "errors.parameter.missing")]
    public async Task Bad_refund_requests_are_refused(string? transactionId, string amount, string reason, string error)
    {
        var transaction = await Api.CreateApprovedAsync();
        var answer = await Api.PostFormAsync("v1/refunds",
            [new("transaction_id", transactionId ?? transaction["id"]!.ToString()), new("amount", amount), new("reason", reason)]);

        answer.ShouldBeError(error == "errors.record.not_found" ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, error);
        Assert.Empty(fixture.Sandbox.Ledger.RefundsOf(transaction["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task A_thousand_concurrent_refunds_never_refund_more_than_was_paid()
    {
        var transaction = await Api.CreateApprovedAsync("100.00");
        var id = transaction["id"]!.ToString();

        // 1,000 refunds of 0.37 race for 100.00: exactly floor(100 / 0.37) = 270 may succeed.
        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ =>
            Api.PostFormAsync("v1/refunds", [new("transaction_id", id), new("amount", "0.37"), new("reason", "race")])));

        var accepted = answers.Count(a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => a.ShouldBeError(HttpStatusCode.Conflict, "errors.refund.amount_exceeds_paid"));
        Assert.Equal(270, accepted);
        var ledger = fixture.Sandbox.Ledger.RefundsOf(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(270, ledger.Count);
        Assert.True(ledger.Sum(r => r.Amount.Value) <= 100.00m);
        Assert.Equal(99.90m, ledger.Sum(r => r.Amount.Value));
    }
}
