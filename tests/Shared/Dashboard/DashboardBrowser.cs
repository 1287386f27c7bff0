using System.Drawing;
using System.Globalization;
using System.Reflection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace NordeaConnect.Tests.Dashboard;

/// <summary>
/// Debian's headless Chromium driven through its ChromeDriver (/usr/bin/chromedriver, /usr/bin/chromium), with a fresh
/// profile each run. A machine without them fails here: the dashboard tests must not pass by not running.
/// Compiled into every test project that drives the dashboard (linked from tests/Shared).
/// </summary>
public sealed class DashboardBrowser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly string _profile;

    /// <summary><c>$NC_TEST_RESULTS/dashboard-screenshots</c>, or <c>TestResults/dashboard-screenshots</c> at the repository root.</summary>
    public static string DefaultScreenshotDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("NC_TEST_RESULTS") is { Length: > 0 } results
            ? results
            : Path.Combine(typeof(DashboardBrowser).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, "TestResults"),
        "dashboard-screenshots");

    public DashboardBrowser(string screenshotDirectory, string chromiumPath = ChromiumPath, string chromeDriverPath = ChromeDriverPath)
    {
        if (!File.Exists(chromiumPath) || !File.Exists(chromeDriverPath))
        {
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Debian's chromium ({chromiumPath}) and chromium-driver ({chromeDriverPath}). "
                + "Install them with scripts/ensure-chromium.sh (./test.sh runs it).");
        }

        ScreenshotDirectory = screenshotDirectory;
        Directory.CreateDirectory(ScreenshotDirectory);
        _profile = Directory.CreateTempSubdirectory("nc-dashboard-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + _profile);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromeDriverPath)!, Path.GetFileName(chromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        UseWidth(1280);
    }

    public ChromeDriver Driver { get; }

    public string ScreenshotDirectory { get; }

    public int Width { get; private set; }

    /// <summary>Sets the viewport to <paramref name="width"/> CSS pixels (900 high) and checks the page really got it.</summary>
    public void UseWidth(int width)
    {
        // Device metrics, not the window size: a window has a minimum width, the emulated viewport does not.
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });
        Driver.Manage().Window.Size = new Size(Math.Max(width, 800), 1000);
        Width = width;
    }

    public void Open(Uri address)
    {
        Driver.Navigate().GoToUrl(address);
        var innerWidth = Convert.ToInt64(Driver.ExecuteScript("return window.innerWidth;"), CultureInfo.InvariantCulture);
        Assert.Equal(Width, innerWidth);
    }

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyCollection<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Waits (up to 10 s) until the condition holds on the current page; page loads are asynchronous to the test.</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, string what)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(10)) { Message = "Waited for: " + what };
        wait.Until(condition);
    }

    public string Text => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>Saves a screenshot of the whole page as <c>{name}-{width}.png</c> and returns its path.</summary>
    public string Screenshot(string name)
    {
        var height = Convert.ToInt64(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), CultureInfo.InvariantCulture);
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Width, ["height"] = (int)Math.Clamp(height, 600, 4000), ["deviceScaleFactor"] = 1, ["mobile"] = Width < 600,
        });
        var path = Path.Combine(ScreenshotDirectory, name + "-" + Width.ToString(CultureInfo.InvariantCulture) + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        UseWidth(Width);
        return path;
    }

    /// <summary>Saves a screenshot (<see cref="Screenshot"/>) and names its path in the test's output.</summary>
    public void Save(string name, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("Screenshot: " + Screenshot(name));
    }

    /// <summary>At 1280 and then 390 px: runs <see cref="PageChecks"/> on the current page and saves a screenshot of it.</summary>
    public void CheckAndSaveAtBothWidths(string name, ITestOutputHelper output)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            UseWidth(width);
            PageChecks.AssertAccessibleAndFits(this, name);
            Save(name, output);
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; a temp directory left behind is harmless.
        }
    }
}
