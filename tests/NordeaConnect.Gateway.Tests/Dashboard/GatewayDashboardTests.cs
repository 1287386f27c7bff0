using System.Globalization;
using System.Net.Http.Json;
using Grpc.Core;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;
using NordeaConnect.Tests.Dashboard;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace NordeaConnect.Gateway.Tests.Dashboard;

/// <summary>
/// The browser scenarios, driven through the gateway: a service makes its calls over gRPC (the generated
/// clients) while a person watches the sandbox's dashboard in headless Chromium. A payment and its refund, a
/// subscription with debt added over gRPC charged by moving the test clock from the page, a fault rule added on the page that makes a gRPC call
/// fail with its result code.
/// </summary>
[Collection(GatewayDashboardCollection.Name)]
public sealed class GatewayDashboardTests(GatewayDashboardFixture fixture, ITestOutputHelper output)
{
    private static readonly ReadOptions Fresh = new() { MaxStalenessMs = 0 };

    private GatewayFixture Gateway => fixture.Gateway;

    private DashboardBrowser Browser => fixture.Browser;

    [Fact]
    public async Task A_payment_made_through_the_gateway_is_found_on_its_page_and_a_refund_over_grpc_appears_there()
    {
        var paymentRef = Orders.NewRef("d");
        var paid = await Gateway.Transactions.CreateAsync(Orders.CardPayment("125.00", paymentRef: paymentRef), GatewayFixture.As());
        var id = paid.Transaction.Id.ToString(CultureInfo.InvariantCulture);
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("transactions"));

        Browser.Find("#q").SendKeys(paymentRef);
        Browser.Find("form[role=search] button").Click();
        Browser.WaitUntil(d => d.Url.Contains("q=" + paymentRef, StringComparison.Ordinal), "the search to load");
        var row = Assert.Single(Browser.FindAll("tr[data-transaction-id]"));
        Assert.Equal(id, row.GetAttribute("data-transaction-id"));
        row.FindElement(By.CssSelector("a")).Click();
        Browser.WaitUntil(d => d.Url.EndsWith("/transactions/" + id, StringComparison.Ordinal), "the transaction page");

        Assert.Equal("Transaction " + id, Browser.Find("h1").Text);
        Assert.Equal("approved", Browser.Find("[data-field=status]").Text);
        Assert.Equal(["created", "approved"], Browser.FindAll("ol.timeline > li").Select(li => li.GetAttribute("data-kind")).Take(2));
        Assert.Empty(Browser.FindAll("li[data-kind=refund]"));
        Browser.Save("gateway-transaction-paid", output);

        var refund = await Gateway.Transactions.RefundAsync(
            new RefundTransactionRequest { Id = paid.Transaction.Id, Amount = "25.00", Reason = "Damaged on arrival" },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        Assert.Equal("25.00", refund.Refund.Amount);
        Browser.Driver.Navigate().Refresh();

        var shown = Assert.Single(Browser.FindAll("li[data-kind=refund]"));
        Assert.Contains("25.00 SEK", shown.Text, StringComparison.Ordinal);
        Assert.Contains("Damaged on arrival", shown.Text, StringComparison.Ordinal);
        Assert.Equal("25.00", Browser.Find("[data-field=refunded]").Text);
        Assert.DoesNotContain("4111111111111111", Browser.Driver.PageSource, StringComparison.Ordinal);
        Browser.CheckAndSaveAtBothWidths("gateway-transaction-refunded", output);
        // The gateway, reading upstream afresh, tells the same story as the page.
        var read = await Gateway.Transactions.GetAsync(new GetTransactionRequest { Id = paid.Transaction.Id, Read = Fresh }, GatewayFixture.As());
        Assert.Equal("25.00", read.Transaction.RefundedAmount);
    }

    [Fact]
    public async Task Moving_the_test_clock_on_the_page_charges_a_subscription_sold_through_the_gateway()
    {
        var planRequest = new CreatePlanRequest { Name = "Coffee club", Description = "Monthly beans", IntervalUnit = "months", Interval = 1, Periods = 12 };
        planRequest.Prices.Add("sek", "99.00");
        var plan = await Gateway.Plans.CreateAsync(planRequest, GatewayFixture.As());
        var customerRef = Orders.NewRef("c");
        // gRPC has no call that starts a subscription: a payment link made over gRPC is paid in the checkout with the plan.
        var link = await Gateway.Transactions.CreateAsync(
            new CreateTransactionRequest { PaymentRef = Orders.NewRef("s"), Amount = "99.00", Currency = "sek", Test = true, Process = false, CustomerRef = customerRef },
            GatewayFixture.As());
        var checkout = await Orders.PayInCheckoutAsync(link.Transaction.Href, customerRef, plan.Plan.Id);
        var subscriptionId = checkout.GetProperty("subscription").GetProperty("id").GetInt64();
        // Whatever was already due (the first period) runs now, so the page's clock move brings exactly the next charge.
        await RunWhatIsDueAsync();
        // Debt added over gRPC is charged with the next period.
        var before = await Gateway.Subscriptions.AddDebtAsync(new AddDebtRequest { Id = subscriptionId, Delta = "12.50" }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        Assert.Equal(plan.Plan.Id, before.Subscription.PlanId);
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("subscriptions"));
        var chargesBefore = Charges();
        Assert.Contains("Coffee club", Subscription().Text, StringComparison.Ordinal);
        Assert.Equal("12.50 SEK", Debt());
        Browser.Save("gateway-subscription-before", output);

        Browser.Find("#days").Clear();
        Browser.Find("#days").SendKeys("40");
        Browser.Find("form[action$='/test-clock'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector(".notice")).Count > 0, "the clock to move");

        var chargesAfter = Charges();
        Assert.Equal(chargesBefore.Count + 1, chargesAfter.Count);
        Assert.Contains("111.50 SEK", chargesAfter[^1].Text, StringComparison.Ordinal);
        Assert.Contains("approved", chargesAfter[^1].Text, StringComparison.Ordinal);
        Assert.Equal("0.00 SEK", Debt());
        Browser.CheckAndSaveAtBothWidths("gateway-subscription-charged", output);
        // The charge the page shows is a transaction the gateway can read, and the subscription has one period less.
        var chargeId = long.Parse(chargesAfter[^1].FindElement(By.CssSelector("a")).Text, CultureInfo.InvariantCulture);
        var charge = await Gateway.Transactions.GetAsync(new GetTransactionRequest { Id = chargeId, Read = Fresh }, GatewayFixture.As());
        Assert.Equal(("111.50", "approved"), (charge.Transaction.Amount, charge.Transaction.Status));
        var after = await Gateway.Subscriptions.GetAsync(new GetSubscriptionRequest { Id = subscriptionId, Read = Fresh }, GatewayFixture.As());
        Assert.Equal((before.Subscription.PeriodsLeft - 1, "0.00"), (after.Subscription.PeriodsLeft, after.Subscription.Debt));

        IWebElement Subscription() => Browser.Find($"[data-subscription-id='{subscriptionId.ToString(CultureInfo.InvariantCulture)}']");
        string Debt() => Subscription().FindElement(By.XPath(".//dt[text()='Debt']/following-sibling::dd[1]")).Text;
        List<IWebElement> Charges() => [.. Subscription().FindElements(By.CssSelector("[data-field=charges] tbody tr"))];
    }

    [Fact]
    public async Task A_fault_rule_added_on_the_page_fails_a_grpc_call_with_its_result_code_and_the_page_counts_the_hits()
    {
        var paid = await Gateway.Transactions.CreateAsync(Orders.CardPayment("30.00"), GatewayFixture.As());
        var path = "/v1/transactions/" + paid.Transaction.Id.ToString(CultureInfo.InvariantCulture);
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("fault-rules"));
        Browser.Find("#path").Clear();
        Browser.Find("#path").SendKeys(path);
        Browser.Driver.FindElement(By.XPath("//select[@id='method']/option[text()='GET']")).Click();
        Browser.Find("#kind option[value=status]").Click();
        Browser.Find("#status-code").Clear();
        Browser.Find("#status-code").SendKeys("503");
        Browser.Find("form[action$='/fault-rules'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector("tr[data-rule-id]")).Count == 1, "the rule to be listed");
        var ruleId = Browser.Find("tr[data-rule-id]").GetAttribute("data-rule-id")!;
        Assert.Equal("0", Browser.Find("[data-field=hits]").Text);

        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            Gateway.Transactions.GetAsync(new GetTransactionRequest { Id = paid.Transaction.Id, Read = Fresh }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.Equal(ResultCode.UpstreamUnavailable.Value, failure.GetResultCode());
        Browser.Driver.Navigate().Refresh();
        // The gateway's client retries a read after a 503, so the rule is hit once or more; none would mean the call never went upstream.
        var hits = int.Parse(Browser.Find("[data-field=hits]").Text, CultureInfo.InvariantCulture);
        Assert.InRange(hits, 1, 1 + new NordeaConnect.Client.NordeaConnectClientOptions().MaxRetryAttempts);
        output.WriteLine("Hits: " + hits.ToString(CultureInfo.InvariantCulture));
        Browser.CheckAndSaveAtBothWidths("gateway-fault-rule-hit", output);

        Browser.Find($"tr[data-rule-id='{ruleId}'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector("tr[data-rule-id]")).Count == 0, "the rule to be removed");
        var served = await Gateway.Transactions.GetAsync(new GetTransactionRequest { Id = paid.Transaction.Id, Read = Fresh }, GatewayFixture.As());
        Assert.Equal("approved", served.Transaction.Status);
    }

    /// <summary>Moves the sandbox's clock by nothing: <c>POST /_sandbox/clock</c> answers once due charges have run.</summary>
    private async Task RunWhatIsDueAsync()
    {
        using var http = new HttpClient { BaseAddress = Gateway.SandboxAddress };
        using var answer = await http.PostAsJsonAsync("_sandbox/clock", new { seconds = 0 });
        answer.EnsureSuccessStatusCode();
    }
}
