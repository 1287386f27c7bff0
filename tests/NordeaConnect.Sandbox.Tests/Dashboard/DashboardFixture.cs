using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NordeaConnect.Client;
using NordeaConnect.Sandbox.Hosting;
using NordeaConnect.Sandbox.Tests.Infrastructure;
using NordeaConnect.Tests.Dashboard;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NordeaConnect.Sandbox.Tests.Dashboard;

/// <summary>
/// One sandbox on 127.0.0.1, one headless Chromium, and the REST client a merchant's backend would use, shared by the
/// dashboard tests (they run one after another: one browser). Screenshots go to <c>$NC_TEST_RESULTS/dashboard-screenshots</c>,
/// or <c>TestResults/dashboard-screenshots</c> at the repository root; the path is printed when the fixture starts.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly IMessageSink _messages;

    public DashboardFixture(IMessageSink messages) => _messages = messages;

    public RunningSandbox Sandbox { get; private set; } = null!;

    public DashboardBrowser Browser { get; private set; } = null!;

    public NordeaConnectClient Client { get; private set; } = null!;

    /// <summary>For what the REST client has no call for: the checkout simulation's JSON endpoint.</summary>
    public SandboxApi Api { get; private set; } = null!;

    public Uri Dashboard => new(Sandbox.BaseAddress, "_sandbox/");

    public static string ScreenshotDirectory => DashboardBrowser.DefaultScreenshotDirectory;

    public async Task InitializeAsync()
    {
        Browser = new DashboardBrowser(ScreenshotDirectory);
        Sandbox = await SandboxServer.StartAsync();
        Client = NordeaConnectClient.Create(
            new NordeaConnectClientOptions
            {
                BaseAddress = Sandbox.BaseAddress,
                MerchantId = Sandbox.Merchant.Id,
                ApiPassword = Sandbox.Merchant.Password,
                HashSecret = Sandbox.Merchant.HashSecret,
                // One call, one request: a fault rule's hit count is then exactly the calls that failed.
                MaxRetryAttempts = 0,
            },
            NullLoggerFactory.Instance);
        Api = new SandboxApi(Sandbox.CreateClient(), Sandbox.Merchant);
        _messages.OnMessage(new DiagnosticMessage("Dashboard screenshots: {0}", ScreenshotDirectory));
        Console.WriteLine("Dashboard screenshots: " + ScreenshotDirectory);
    }

    public Uri Page(string relative) => new(Dashboard, relative);

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        Client?.Dispose();
        Api?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }

    /// <summary>A fresh payment_ref (at most 12 characters).</summary>
    public static string NextPaymentRef(string prefix) =>
        prefix + (Interlocked.Increment(ref s_refs) % 100_000).ToString("00000", CultureInfo.InvariantCulture);

    private static int s_refs = Environment.ProcessId % 1000 * 100;
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard in a browser";
}
