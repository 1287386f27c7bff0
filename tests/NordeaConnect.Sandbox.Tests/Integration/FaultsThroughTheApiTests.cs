using System.Net;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Integration;

/// <summary>Fault injection as a client of the API sees it: the rule set through /_sandbox/faults hits /v1 routes.</summary>
public sealed class FaultsThroughTheApiTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private SandboxApi Api => fixture.Api;

    [Fact]
    public async Task A_status_fault_refuses_the_call_before_it_books_anything()
    {
        var transaction = await Api.CreateApprovedAsync("10.00");
        var rule = await Api.PostJsonAsync("_sandbox/faults", """{"method": "POST", "path": "/v1/refunds", "fault": "status", "status": 503, "count": 1}""");

        var faulted = await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "1.00"), new("reason", "x")]);
        var booked = await Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "1.00"), new("reason", "x")]);

        Assert.True(rule.Status is HttpStatusCode.OK or HttpStatusCode.Created, rule.Body?.ToJsonString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status);
        booked.ShouldBe(HttpStatusCode.OK);
        Assert.Single(fixture.Sandbox.Ledger.RefundsOf(transaction["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Apply_then_drop_books_the_refund_although_the_client_hears_nothing()
    {
        var transaction = await Api.CreateApprovedAsync("10.00");
        await Api.PostJsonAsync("_sandbox/faults", """{"method": "POST", "path": "/v1/refunds", "fault": "apply_then_drop", "count": 1}""");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            Api.PostFormAsync("v1/refunds", [new("transaction_id", transaction["id"]!.ToString()), new("amount", "2.00"), new("reason", "lost answer")]));

        // The outcome is unknown to the caller; the sandbox's own ledger and the refunds list say what happened.
        var refund = Assert.Single(fixture.Sandbox.Ledger.RefundsOf(transaction["id"]!.GetValue<long>()));
        Assert.Equal(2.00m, refund.Amount.Value);
        var listed = await Api.GetAsync($"v1/refunds?filter[reason]=lost*");
        Assert.Single(listed.Array);
    }
}
