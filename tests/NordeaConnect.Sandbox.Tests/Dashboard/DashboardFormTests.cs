using System.Net;
using System.Net.Http.Headers;
using NordeaConnect.Sandbox.Tests.Infrastructure;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>The dashboard's forms without a browser: state changes need the antiforgery token; payment links serve people and programs.</summary>
public sealed class DashboardFormTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("_sandbox/test-clock", "days=31")]
    [InlineData("_sandbox/fault-rules", "path=%2Fv1%2F**&kind=status&status=503&rate=100")]
    [InlineData("_sandbox/fault-rules/1/remove", "")]
    [InlineData("_sandbox/webhooks/3/1/retry", "")]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing(string path, string form)
    {
        var clockBefore = fixture.Sandbox.Clock.GetUtcNow();
        var rulesBefore = fixture.Sandbox.Faults.List().Count;
        using var client = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };

        using var answer = await client.PostAsync(path, new StringContent(form, new MediaTypeHeaderValue("application/x-www-form-urlencoded")));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(rulesBefore, fixture.Sandbox.Faults.List().Count);
        Assert.True(fixture.Sandbox.Clock.GetUtcNow() - clockBefore < TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task A_fault_rule_form_with_its_token_adds_the_rule_and_a_wrong_one_says_why()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = fixture.Sandbox.BaseAddress,
        };
        var page = await client.GetStringAsync("_sandbox/fault-rules");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"");
        Assert.True(token.Success, "The page has no antiforgery field.");
        var before = fixture.Sandbox.Faults.List().Count;

        using var wrong = await client.PostAsync("_sandbox/fault-rules", Form(token, ("path", "/v1/dashboard-form"), ("kind", "status"), ("status", "503"), ("rate", "150")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("The rate must be from 0 to 100 (% of matching calls), not 150.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Sandbox.Faults.List().Count);

        using var added = await client.PostAsync("_sandbox/fault-rules", Form(token, ("path", "/v1/dashboard-form"), ("method", "GET"), ("kind", "status"), ("status", "502"), ("rate", "50"), ("count", "3")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rule = Assert.Single(fixture.Sandbox.Faults.List(), r => r.Spec.Path == "/v1/dashboard-form");
        Assert.Equal((Sandbox.Faults.FaultKind.Status, 502, 0.5, 3, "GET"), (rule.Spec.Fault, rule.Spec.Status, rule.Spec.Probability, rule.Spec.Count, rule.Spec.Method));
        fixture.Sandbox.Faults.Remove(rule.Id);

        static FormUrlEncodedContent Form(System.Text.RegularExpressions.Match token, params (string Name, string Value)[] fields) =>
            new([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create(token.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(token.Groups["value"].Value))]);
    }

    [Fact]
    public async Task A_payment_link_sends_a_browser_to_the_checkout_page_and_gives_a_program_json()
    {
        var pending = await fixture.Api.PrepareAsync();
        var href = new Uri(pending["href"]!.GetValue<string>());
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var browser = new HttpRequestMessage(HttpMethod.Get, href);
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var page = await client.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/_sandbox/pay/" + href.Segments[^1], page.Headers.Location!.OriginalString);

        using var json = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_transaction_list_shows_the_newest_200_and_says_how_many_match()
    {
        while (fixture.Sandbox.Ledger.Transactions(fixture.Api.Merchant.Id).Count <= 200)
        {
            await fixture.Api.CreateApprovedAsync();
        }

        var total = fixture.Sandbox.Ledger.Transactions(fixture.Api.Merchant.Id).Count;
        using var client = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };

        var html = await client.GetStringAsync("_sandbox/transactions");

        Assert.Equal(200, html.Split("data-transaction-id=").Length - 1);
        Assert.Contains(total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " transactions", html, StringComparison.Ordinal);
        Assert.Contains("Showing the newest 200", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_sandbox/")]
    [InlineData("_sandbox/transactions")]
    [InlineData("_sandbox/subscriptions")]
    [InlineData("_sandbox/customers")]
    [InlineData("_sandbox/plans")]
    [InlineData("_sandbox/webhook-templates")]
    [InlineData("_sandbox/webhooks")]
    [InlineData("_sandbox/fault-rules")]
    public async Task Every_page_is_html_while_the_json_endpoints_keep_their_paths(string path)
    {
        using var client = new HttpClient { BaseAddress = fixture.Sandbox.BaseAddress };

        using var page = await client.GetAsync(path);
        using var clock = await client.GetAsync("_sandbox/clock");
        using var faults = await client.GetAsync("_sandbox/faults");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("application/json", clock.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", faults.Content.Headers.ContentType!.MediaType);
    }
}
