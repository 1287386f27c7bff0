using System.Globalization;
using System.Net;
using NordeaConnect.Client;
using NordeaConnect.Primitives;
using OpenQA.Selenium;
using NordeaConnect.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>
/// What a person testing a checkout does with the dashboard, in a real browser, while a merchant backend (the REST
/// client) makes the calls: a payment and its refund, a subscription charged by moving the test clock, a fault rule
/// that makes a call fail, and paying a payment link on the checkout page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardScenarioTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private DashboardBrowser Browser => fixture.Browser;

    [Fact]
    public async Task A_payment_is_found_by_payment_ref_and_its_refund_appears_on_its_page()
    {
        var paymentRef = DashboardFixture.NextPaymentRef("pay");
        var payment = await fixture.Client.Transactions.CreateAsync(CardPayment(paymentRef, "125.00"));
        var id = payment.Id.ToString(CultureInfo.InvariantCulture);
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("transactions"));

        Browser.Find("#q").SendKeys(paymentRef);
        Browser.Find("#status option[value=approved]").Click();
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
        Save("transaction-paid");

        await fixture.Client.Refunds.CreateAsync(new RefundCreateOptions { TransactionId = payment.Id, Amount = Amount.Parse("25.00"), Reason = "Damaged on arrival" });
        Browser.Driver.Navigate().Refresh();

        var refund = Assert.Single(Browser.FindAll("li[data-kind=refund]"));
        Assert.Contains("25.00 SEK", refund.Text, StringComparison.Ordinal);
        Assert.Contains("Damaged on arrival", refund.Text, StringComparison.Ordinal);
        Assert.Equal("25.00", Browser.Find("[data-field=refunded]").Text);
        Assert.DoesNotContain("4111111111111111", Browser.Driver.PageSource, StringComparison.Ordinal);
        CheckBothWidths("transaction-refunded");
    }

    [Fact]
    public async Task An_authorized_payment_shows_its_authorization_and_capture_in_order()
    {
        var options = CardPayment(DashboardFixture.NextPaymentRef("auth"), "80.00");
        var authorized = await fixture.Client.Transactions.CreateAsync(new TransactionCreateOptions
        {
            PaymentRef = options.PaymentRef, Amount = options.Amount, Currency = options.Currency, Test = true, Authorize = true,
            CardNumber = options.CardNumber, CardHolder = options.CardHolder, CardExpiry = options.CardExpiry, CardCvv = options.CardCvv,
        });
        await fixture.Client.Transactions.CaptureAsync(authorized.Id, new TransactionCaptureOptions { Amount = Amount.Parse("60.00") });
        Browser.UseWidth(1280);

        Browser.Open(fixture.Page("transactions/" + authorized.Id.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(["created", "authorized", "captured"], Browser.FindAll("ol.timeline > li").Select(li => li.GetAttribute("data-kind")));
        Assert.Contains("80.00 SEK", Browser.Find("li[data-kind=authorized]").Text, StringComparison.Ordinal);
        Assert.Contains("60.00 SEK", Browser.Find("li[data-kind=captured]").Text, StringComparison.Ordinal);
        Assert.Equal("approved", Browser.Find("[data-field=status]").Text);
    }

    [Fact]
    public async Task Transactions_are_searchable_by_id_status_and_date()
    {
        var approved = await fixture.Client.Transactions.CreateAsync(CardPayment(DashboardFixture.NextPaymentRef("find"), "11.00"));
        var pending = await fixture.Client.Transactions.CreateAsync(PaymentLink(DashboardFixture.NextPaymentRef("find"), "12.00"));
        var today = fixture.Sandbox.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Browser.UseWidth(1280);

        Browser.Open(fixture.Page("transactions?q=" + approved.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal([approved.Id.ToString(CultureInfo.InvariantCulture)], Ids());

        Browser.Open(fixture.Page("transactions?status=pending&date=" + today));
        Assert.Contains(pending.Id.ToString(CultureInfo.InvariantCulture), Ids());
        Assert.DoesNotContain(approved.Id.ToString(CultureInfo.InvariantCulture), Ids());
        Assert.Equal("pending", Browser.Find("#status option:checked").GetAttribute("value"));

        Browser.Open(fixture.Page("transactions?date=2001-01-01"));
        Assert.Empty(Ids());

        IEnumerable<string?> Ids() => Browser.FindAll("tr[data-transaction-id]").Select(r => r.GetAttribute("data-transaction-id"));
    }

    [Fact]
    public async Task Moving_the_test_clock_from_the_page_charges_a_subscription()
    {
        var plan = await fixture.Client.Plans.CreateAsync(new PlanCreateOptions
        {
            Name = "Coffee club", IntervalUnit = IntervalUnits.Months, Interval = 1,
            Prices = new Dictionary<CurrencyCode, Amount> { [CurrencyCode.Sek] = Amount.Parse("99.00") },
        });
        var customerRef = "cust-" + DashboardFixture.NextPaymentRef("c");
        var link = await fixture.Client.Transactions.CreateAsync(PaymentLink(DashboardFixture.NextPaymentRef("sub"), "99.00", customerRef));
        var paid = await fixture.Api.PayAsync(link.Href!, storeCard: true, planId: plan.Id, customerRef: customerRef);
        paid.ShouldBe(HttpStatusCode.OK);
        var subscriptionId = paid.Object["subscription"]!["id"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);
        // Whatever was already due (the first period) runs now, so the page's clock move brings exactly the next charge.
        await fixture.Sandbox.PulseAsync();
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("subscriptions"));
        var before = Charges();
        Assert.Contains("Coffee club", Subscription().Text, StringComparison.Ordinal);
        Save("subscriptions-before");

        Browser.Find("#days").Clear();
        Browser.Find("#days").SendKeys("40");
        Browser.Find("form[action$='/test-clock'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector(".notice")).Count > 0, "the clock to move");

        var after = Charges();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains("99.00 SEK", after[^1], StringComparison.Ordinal);
        Assert.Contains("approved", after[^1], StringComparison.Ordinal);
        CheckBothWidths("subscriptions-charged");

        IWebElement Subscription() => Browser.Find($"[data-subscription-id='{subscriptionId}']");
        List<string> Charges() => [.. Subscription().FindElements(By.CssSelector("[data-field=charges] tbody tr")).Select(r => r.Text)];
    }

    [Fact]
    public async Task A_fault_rule_added_on_the_page_makes_a_call_fail_counts_its_hit_and_is_removed()
    {
        var payment = await fixture.Client.Transactions.CreateAsync(CardPayment(DashboardFixture.NextPaymentRef("flt"), "30.00"));
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("fault-rules"));
        Browser.Find("#path").Clear();
        Browser.Find("#path").SendKeys("/v1/transactions/*");
        Browser.Driver.FindElement(By.XPath("//select[@id='method']/option[text()='GET']")).Click();
        Browser.Find("#kind option[value=status]").Click();
        Browser.Find("#status-code").Clear();
        Browser.Find("#status-code").SendKeys("503");
        Browser.Find("form[action$='/fault-rules'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector("tr[data-rule-id]")).Count == 1, "the rule to be listed");
        var ruleId = Browser.Find("tr[data-rule-id]").GetAttribute("data-rule-id")!;
        Assert.Equal("0", Browser.Find("[data-field=hits]").Text);

        var failure = await Assert.ThrowsAnyAsync<NordeaConnectException>(() => fixture.Client.Transactions.GetAsync(payment.Id));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Browser.Driver.Navigate().Refresh();
        Assert.Equal("1", Browser.Find("[data-field=hits]").Text);
        CheckBothWidths("fault-rule-hit");

        Browser.Find($"tr[data-rule-id='{ruleId}'] button").Click();
        Browser.WaitUntil(d => d.FindElements(By.CssSelector("tr[data-rule-id]")).Count == 0, "the rule to be removed");
        Assert.Equal(payment.Id, (await fixture.Client.Transactions.GetAsync(payment.Id)).Id);
    }

    [Fact]
    public async Task A_payment_link_opens_a_checkout_page_that_pays_it()
    {
        var link = await fixture.Client.Transactions.CreateAsync(PaymentLink(DashboardFixture.NextPaymentRef("chk"), "249.00"));
        Browser.UseWidth(390);
        Browser.Open(new Uri(link.Href!));
        Assert.Contains("/_sandbox/pay/", Browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal("Pay 249.00 SEK", Browser.Find("button.pay").Text);
        CheckBothWidths("checkout");

        Browser.Find("#card_holder").SendKeys("Anna Andersson");
        Browser.Find("#card_number").SendKeys("4111 1111 1111 1111");
        Browser.Find("#card_expiry").SendKeys("12/30");
        Browser.Find("#card_cvv").SendKeys("123");
        Browser.Find("button.pay").Click();
        Browser.WaitUntil(d => d.FindElement(By.TagName("h1")).Text == "Payment approved", "the payment to be approved");

        Assert.Contains("411111******1111", Browser.Text, StringComparison.Ordinal);
        CheckBothWidths("checkout-approved");
        Assert.Equal("approved", (await fixture.Client.Transactions.GetAsync(link.Id)).Status);
    }

    private void CheckBothWidths(string name)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            Browser.UseWidth(width);
            PageChecks.AssertAccessibleAndFits(Browser, name);
            Save(name);
        }
    }

    private void Save(string name) => output.WriteLine("Screenshot: " + Browser.Screenshot(name));

    internal static TransactionCreateOptions CardPayment(string paymentRef, string amount) => new()
    {
        PaymentRef = PaymentRef.Parse(paymentRef), Amount = Amount.Parse(amount), Currency = CurrencyCode.Sek, Test = true,
        CardNumber = "4111111111111111", CardHolder = "Anna Andersson", CardExpiry = "1230", CardCvv = "123",
    };

    internal static TransactionCreateOptions PaymentLink(string paymentRef, string amount, string? customerRef = null) => new()
    {
        PaymentRef = PaymentRef.Parse(paymentRef), Amount = Amount.Parse(amount), Currency = CurrencyCode.Sek, Test = true,
        CustomerRef = customerRef, Process = false,
    };
}
