using System.Text;
using NordeaConnect.Tests.Dashboard;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>The page checks themselves: a page that breaks each rule is caught, and a missing browser fails instead of skipping.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PageChecksTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("<h1>A</h1><h1>B</h1>", "expected one h1, found 2")]
    [InlineData("<h1>A</h1><h3>C</h3>", "skips a level after h1")]
    [InlineData("<h1>A</h1><input id=x name=x>", "no label for input#x")]
    [InlineData("<h1>A</h1><label for=y>Y</label><input id=x name=x>", "no label for input#x")]
    [InlineData("<h1>A</h1><p style='color:#999999;background:#ffffff'>grey on white</p>", "contrast 2.85:1")]
    [InlineData("<h1>A</h1><p style='color:#ffffff;background:#f0a000'>white on amber</p>", "contrast 2.")]
    [InlineData("<h1>A</h1><div style='width:2000px'>wide</div>", "horizontal overflow")]
    [InlineData("<h1>A</h1><p>4111111111111111</p>", "a full card number appears")]
    [InlineData("<h1>A</h1><label for=c>CVC</label><input id=c name=\"card_cvv\" value=\"123\">", "a CVV is filled in")]
    public void A_page_breaking_a_rule_is_caught(string body, string problem)
    {
        // Desktop width: a phone-sized emulated viewport zooms out to fit an overflowing page (Open's width check catches that).
        fixture.Browser.UseWidth(1280);
        fixture.Browser.Open(new Uri("data:text/html;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("<!DOCTYPE html><html lang=en><head><meta name=viewport content='width=device-width, initial-scale=1'></head><body>" + body + "</body></html>"))));

        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PageChecks.AssertAccessibleAndFits(fixture.Browser, "a bad page"));

        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_page_passes()
    {
        fixture.Browser.UseWidth(390);
        const string Page = "<!DOCTYPE html><html lang=en><head><meta name=viewport content='width=device-width, initial-scale=1'></head><body><h1>A</h1><h2>B</h2><label for=x>X</label><input id=x name=x><p style='color:#595959'>quiet</p></body></html>";
        fixture.Browser.Open(new Uri("data:text/html;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Page))));

        PageChecks.AssertAccessibleAndFits(fixture.Browser, "a good page");
    }

    [Fact]
    public void A_machine_without_chromium_fails_the_browser_tests()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => new DashboardBrowser(Path.GetTempPath(), "/nonexistent/chromium", DashboardBrowser.ChromeDriverPath));
        Assert.Contains("scripts/ensure-chromium.sh", missing.Message, StringComparison.Ordinal);
    }
}
