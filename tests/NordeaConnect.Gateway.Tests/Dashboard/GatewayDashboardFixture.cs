using NordeaConnect.Gateway.Tests.EndToEnd;
using NordeaConnect.Tests.Dashboard;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NordeaConnect.Gateway.Tests.Dashboard;

/// <summary>
/// A gateway of its own (composed as <see cref="GatewayFixture"/> composes it, with its embedded sandbox on 127.0.0.1)
/// and one headless Chromium looking at that sandbox's dashboard, so what a gRPC call does is what the page shows.
/// Its own gateway, not the shared one: these tests move the sandbox's clock and add fault rules.
/// </summary>
public sealed class GatewayDashboardFixture(IMessageSink messages) : IAsyncLifetime
{
    public GatewayFixture Gateway { get; } = new();

    public DashboardBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard of the sandbox the gateway calls.</summary>
    public Uri Dashboard => new(Gateway.SandboxAddress, "_sandbox/");

    public Uri Page(string relative) => new(Dashboard, relative);

    public async Task InitializeAsync()
    {
        Browser = new DashboardBrowser(DashboardBrowser.DefaultScreenshotDirectory);
        await Gateway.InitializeAsync();
        messages.OnMessage(new DiagnosticMessage("Dashboard screenshots: {0}", Browser.ScreenshotDirectory));
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        await Gateway.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayDashboardCollection : ICollectionFixture<GatewayDashboardFixture>
{
    public const string Name = "Dashboard through the gateway";
}
