using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The Nordea Connect the gateway calls: the configured one, or a sandbox started in this process on 127.0.0.1
/// when none is configured. Dispose it after the host stops, so the embedded sandbox outlives every call.
/// </summary>
public sealed class UpstreamConnection : IAsyncDisposable
{
    private readonly RunningSandbox? _sandbox;

    private UpstreamConnection(UpstreamSettings settings, RunningSandbox? sandbox)
    {
        Settings = settings;
        _sandbox = sandbox;
    }

    public UpstreamSettings Settings { get; }

    /// <summary>True when this is a sandbox embedded in the gateway process.</summary>
    public bool IsEmbeddedSandbox => _sandbox is not null;

    public static async Task<UpstreamConnection> StartAsync(GatewaySettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Upstream is { } configured)
        {
            return new UpstreamConnection(configured, sandbox: null);
        }

        var sandbox = await SandboxServer.StartAsync(new SandboxOptions(), cancellationToken);
        var merchant = sandbox.Merchant;
        return new UpstreamConnection(new UpstreamSettings(sandbox.BaseAddress, merchant.Id, merchant.Password, merchant.HashSecret), sandbox);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
