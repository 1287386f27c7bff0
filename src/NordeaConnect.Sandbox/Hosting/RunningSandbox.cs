using System.Net.Http.Headers;
using System.Text;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Ledger;
using NordeaConnect.Sandbox.Merchants;

namespace NordeaConnect.Sandbox.Hosting;

/// <summary>A sandbox started by <see cref="SandboxServer.StartAsync"/>; dispose it to stop it.</summary>
public sealed class RunningSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningSandbox(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Merchants = [.. app.Services.GetRequiredService<MerchantDirectory>().All.Select(m => m.Copy())];
        Merchant = Merchants[0];
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:53123/</c>; the API is under <c>v1/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The first configured merchant (by default id 3, password <c>password</c>, hash secret <c>secret</c>).</summary>
    public SandboxMerchant Merchant { get; }

    public IReadOnlyList<SandboxMerchant> Merchants { get; }

    /// <summary>The test clock; advancing it runs due subscription charges and webhook retries.</summary>
    public SandboxClock Clock => _app.Services.GetRequiredService<SandboxClock>();

    /// <summary>Runs everything that fell due at the clock's current time (what <c>POST /_sandbox/clock</c> does after moving it).</summary>
    public Task<DateTimeOffset> PulseAsync(CancellationToken cancellationToken = default) =>
        _app.Services.GetRequiredService<ClockPulse>().PulseAsync(cancellationToken);

    /// <summary>Fault injection rules (latency, 5xx, dropped connections, hangs), as <c>/_sandbox/faults</c> sets them.</summary>
    public FaultInjector Faults => _app.Services.GetRequiredService<FaultInjector>();

    /// <summary>What the sandbox has booked: transactions, captures, refunds, webhooks.</summary>
    public SandboxLedger Ledger => _app.Services.GetRequiredService<SandboxLedger>();

    public IServiceProvider Services => _app.Services;

    /// <summary>An HttpClient with <see cref="BaseAddress"/> and Basic auth for <paramref name="merchant"/> (default: <see cref="Merchant"/>).</summary>
    public HttpClient CreateClient(SandboxMerchant? merchant = null)
    {
        merchant ??= Merchant;
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(merchant.Id + ":" + merchant.Password)));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
