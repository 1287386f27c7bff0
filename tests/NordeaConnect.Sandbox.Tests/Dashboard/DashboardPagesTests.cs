using System.Globalization;
using System.Net;
using NordeaConnect.Client;
using NordeaConnect.Sandbox.Tests.Infrastructure;
using NordeaConnect.Tests.Dashboard;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>
/// Every dashboard page, with data on it, at 1280 and 390 px: headings, labels and contrast pass our checks, nothing
/// overflows sideways, merchant text is shown as text (never run as markup), and a failing webhook can be retried.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPagesTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private DashboardBrowser Browser => fixture.Browser;

    [Fact]
    public async Task Every_page_is_accessible_and_fits_at_1280_and_390_pixels()
    {
        var payment = await fixture.Client.Transactions.CreateAsync(DashboardScenarioTests.CardPayment(DashboardFixture.NextPaymentRef("all"), "10.00"));
        var customerRef = "cust-" + DashboardFixture.NextPaymentRef("a");
        var plan = await fixture.Client.Plans.CreateAsync(new PlanCreateOptions
        {
            Name = "Weekly flowers", IntervalUnit = IntervalUnits.Days, Interval = 7,
            Prices = new Dictionary<Primitives.CurrencyCode, Primitives.Amount> { [Primitives.CurrencyCode.Sek] = Primitives.Amount.Parse("45.00") },
        });
        var link = await fixture.Client.Transactions.CreateAsync(DashboardScenarioTests.PaymentLink(DashboardFixture.NextPaymentRef("all"), "45.00", customerRef));
        (await fixture.Api.PayAsync(link.Href!, storeCard: true, planId: plan.Id, customerRef: customerRef)).ShouldBe(HttpStatusCode.OK);
        var open = await fixture.Client.Transactions.CreateAsync(DashboardScenarioTests.PaymentLink(DashboardFixture.NextPaymentRef("all"), "5.00"));
        fixture.Sandbox.Faults.Add(new Sandbox.Faults.FaultRuleSpec { Path = "/v1/never/called", Fault = Sandbox.Faults.FaultKind.Drop });
        await fixture.Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions
        {
            Type = WebhookTemplateTypes.Receipt, Trigger = "refund", MerchantId = fixture.Sandbox.Merchant.Id, Email = "receipts@shop.example",
            Body = "Refund for {{ transaction.payment_ref }}",
        });

        string[] pages =
        [
            "", "transactions", "transactions/" + payment.Id.ToString(CultureInfo.InvariantCulture), "subscriptions", "customers", "plans",
            "webhook-templates", "webhooks", "fault-rules", "pay/" + new Uri(open.Href!).Segments[^1],
        ];
        foreach (var width in new[] { 1280, 390 })
        {
            Browser.UseWidth(width);
            foreach (var page in pages)
            {
                Browser.Open(fixture.Page(page));
                PageChecks.AssertAccessibleAndFits(Browser, "/_sandbox/" + page);
                var name = page.Length == 0 ? "home" : page.Contains('/', StringComparison.Ordinal) ? page.Split('/')[0] + "-one" : page;
                Browser.Save("page-" + name, output);
            }
        }

        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("customers"));
        Assert.Contains(customerRef, Browser.Text, StringComparison.Ordinal);
        Assert.Contains("411111******1111", Browser.Text, StringComparison.Ordinal);
        Browser.Open(fixture.Page("plans"));
        var planRow = Assert.Single(Browser.FindAll("tbody tr"), r => r.Text.Contains("Weekly flowers", StringComparison.Ordinal));
        Assert.Contains(plan.Id.ToString(CultureInfo.InvariantCulture), planRow.Text, StringComparison.Ordinal);
        Assert.Contains("45.00", planRow.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merchant_text_is_shown_as_text_never_run_as_markup()
    {
        const string Hostile = "<script>window.__injected = true;</script><img src=x onerror=\"window.__injected = true\">";
        await fixture.Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions
        {
            Type = WebhookTemplateTypes.Email, Trigger = "none", MerchantId = fixture.Sandbox.Merchant.Id, Email = "ops@shop.example",
            Body = Hostile + " {{ transaction.id }}",
        });
        Browser.UseWidth(1280);
        Browser.Open(fixture.Page("webhook-templates"));

        Assert.Null(Browser.Driver.ExecuteScript("return window.__injected === undefined ? null : window.__injected;"));
        Assert.Contains(Browser.FindAll("pre"), pre => pre.Text.Contains(Hostile, StringComparison.Ordinal));
        Assert.Empty(Browser.FindAll("main script, main img"));
    }

    [Fact]
    public async Task A_failing_webhook_is_listed_first_and_retry_now_delivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = HttpStatusCode.InternalServerError;
        var template = await fixture.Client.WebhookTemplates.CreateAsync(new WebhookTemplateOptions
        {
            Type = WebhookTemplateTypes.CustomHttp, Trigger = "payment_success", MerchantId = fixture.Sandbox.Merchant.Id,
            Url = new Uri(receiver.Address, "orders").ToString(), HttpMethod = "POST", DataFormat = "json", Body = "{\"id\": {{ transaction.id }}}",
        });
        try
        {
            var payment = await fixture.Client.Transactions.CreateAsync(DashboardScenarioTests.CardPayment(DashboardFixture.NextPaymentRef("hook"), "15.00"));
            await receiver.NextAsync();
            Browser.UseWidth(1280);
            var row = $"tr[data-webhook-id] a[href$='/transactions/{payment.Id.ToString(CultureInfo.InvariantCulture)}']";
            Browser.Open(fixture.Page("webhooks"));
            Browser.WaitUntil(d =>
            {
                d.Navigate().Refresh();
                return d.FindElements(By.CssSelector(row)).Count == 1 && Webhook().GetAttribute("data-state") == "retrying";
            }, "the first attempt to fail");
            Assert.Equal("retrying", Browser.FindAll("tr[data-webhook-id]").First().GetAttribute("data-state"));
            Browser.CheckAndSaveAtBothWidths("webhooks-failing", output);

            receiver.Answer = HttpStatusCode.OK;
            Browser.UseWidth(1280);
            Webhook().FindElement(By.CssSelector("button")).Click();
            Browser.WaitUntil(d => d.FindElements(By.CssSelector(".notice")).Count > 0, "the retry");

            Assert.Equal("delivered", Webhook().GetAttribute("data-state"));
            Assert.Contains("200", Webhook().Text, StringComparison.Ordinal);
            Browser.Save("webhooks-retried", output);

            // The transaction's own page shows the webhook with both attempts and what each got back.
            Browser.Find(row).Click();
            Browser.WaitUntil(d => d.FindElements(By.CssSelector("li[data-kind=webhook]")).Count > 0, "the transaction page");
            var attempts = Browser.FindAll("li[data-kind=webhook] tbody tr").Select(r => r.Text).ToList();
            Assert.Equal(2, attempts.Count);
            Assert.Contains("500", attempts[0], StringComparison.Ordinal);
            Assert.All(attempts, attempt => Assert.Matches(@"\d ms", attempt));
            Assert.Contains("200", attempts[1], StringComparison.Ordinal);
            Browser.CheckAndSaveAtBothWidths("transaction-webhook-retried", output);

            IWebElement Webhook() => Browser.Find(row).FindElement(By.XPath("ancestor::tr"));
        }
        finally
        {
            await fixture.Client.WebhookTemplates.UpdateAsync(template.Id, new WebhookTemplateOptions { Trigger = "none", Body = "disabled" });
        }
    }
}
