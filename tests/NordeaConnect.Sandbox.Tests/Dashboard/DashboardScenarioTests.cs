using System.Globalization;
using System.Net;
using NordeaConnect.Client;
using NordeaConnect.Primitives;
using OpenQA.Selenium;
using NordeaConnect.Tests.Dashboard;
using Xunit.Abstractions;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>
/// What a person testing a checkout does with the dashboard, in a real browser, while a merchant backend (the REST
/// client) makes the calls: finding payments, an authorization and its capture, and paying a payment link on the
/// checkout page. The scenarios driven through the gateway over gRPC (a refund, the test clock, a fault rule) are in
/// tests/NordeaConnect.Gateway.Tests/Dashboard.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardScenarioTests(DashboardFixture fixture, ITestOutputHelper output)
{
    private DashboardBrowser Browser => fixture.Browser;

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

        Browser.Open(fixture.Page("transactions?q=" + approved.PaymentRef));
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
    public async Task A_payment_link_opens_a_checkout_page_that_pays_it()
    {
        var link = await fixture.Client.Transactions.CreateAsync(PaymentLink(DashboardFixture.NextPaymentRef("chk"), "249.00"));
        Browser.UseWidth(390);
        Browser.Open(new Uri(link.Href!));
        Assert.Contains("/_sandbox/pay/", Browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal("Pay 249.00 SEK", Browser.Find("button.pay").Text);
        Browser.CheckAndSaveAtBothWidths("checkout", output);

        Browser.Find("#card_holder").SendKeys("Anna Andersson");
        Browser.Find("#card_number").SendKeys("4111 1111 1111 1111");
        Browser.Find("#card_expiry").SendKeys("12/30");
        Browser.Find("#card_cvv").SendKeys("123");
        Browser.Find("button.pay").Click();
        Browser.WaitUntil(d => d.FindElement(By.TagName("h1")).Text == "Payment approved", "the payment to be approved");

        Assert.Contains("411111******1111", Browser.Text, StringComparison.Ordinal);
        Browser.CheckAndSaveAtBothWidths("checkout-approved", output);
        Assert.Equal("approved", (await fixture.Client.Transactions.GetAsync(link.Id)).Status);
    }

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
