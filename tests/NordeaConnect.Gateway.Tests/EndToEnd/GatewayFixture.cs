using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Webhooks;
using Grpc.Core;
using Grpc.Net.Client;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as the main command composes it (same extension methods), on Kestrel at 127.0.0.1 with a dynamic
/// port, the webhook intake on a free 127.0.0.1 port (HTTP/1.1), memory storage, and one token per scope combination
/// the tests need. The embedded sandbox's webhook templates are not registered here, so a Watch sees only the
/// changes a test makes; <see cref="WebhookGatewayFixture"/> registers them, as the local run does.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string AllScopes = "e2e-token-all-scopes-000001";
    public const string ReadOnly = "e2e-token-read-only-0000001";
    public const string ReadWrite = "e2e-token-read-write-000001";
    public const string AdminOnly = "e2e-token-admin-only-000001";

    private WebApplication? _app;
    private UpstreamConnection? _upstream;

    /// <summary>host:port, as gRPC clients of other languages take it.</summary>
    public string Target { get; private set; } = string.Empty;

    public GrpcChannel Channel { get; private set; } = null!;

    public Uri SandboxAddress => _upstream!.Settings.BaseAddress;

    public IServiceProvider Services => _app!.Services;

    public static IReadOnlyDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>
    {
        ["Gateway:Urls"] = "http://127.0.0.1:0",
        ["Gateway:Tokens:0:Name"] = "all",
        ["Gateway:Tokens:0:Token"] = AllScopes,
        ["Gateway:Tokens:0:Scopes"] = "read write refund admin",
        ["Gateway:Tokens:1:Name"] = "reader",
        ["Gateway:Tokens:1:Token"] = ReadOnly,
        ["Gateway:Tokens:1:Scopes:0"] = "read",
        ["Gateway:Tokens:2:Name"] = "writer",
        ["Gateway:Tokens:2:Token"] = ReadWrite,
        ["Gateway:Tokens:2:Scopes"] = "read,write",
        ["Gateway:Tokens:3:Name"] = "admin",
        ["Gateway:Tokens:3:Token"] = AdminOnly,
        ["Gateway:Tokens:3:Scopes"] = "admin",
    };

    public TransactionsClient Transactions => new(Channel);

    public RefundsClient Refunds => new(Channel);

    public StoredCardsClient StoredCards => new(Channel);

    public PlansClient Plans => new(Channel);

    public SubscriptionsClient Subscriptions => new(Channel);

    public CustomersClient Customers => new(Channel);

    public WebhookTemplatesClient WebhookTemplates => new(Channel);

    public WebhooksClient Webhooks => new(Channel);

    public static Metadata As(string token = AllScopes, string? idempotencyKey = null) => GatewayHeaders.For(token, idempotencyKey);

    public static DateTime In(TimeSpan timeout) => DateTime.UtcNow + timeout;

    public async Task InitializeAsync()
    {
        // The embedded sandbox's templates are registered with the webhook address, so it needs a fixed port.
        var webhookPort = FreePort();
        var webhookUrl = "http://127.0.0.1:" + webhookPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Configuration)
            .AddInMemoryCollection([
                new(GatewaySettings.WebhookUrlsKey, webhookUrl),
                new(GatewaySettings.WebhookRegisterKey, RegisterWebhookTemplates ? "true" : "false"),
            ])
            .Build();
        var settings = GatewaySettings.Read(configuration);
        _upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ListenForGrpc(settings);
        builder.WebHost.ListenForWebhooks(settings);
        builder.Services.AddNordeaConnectUpstream(_upstream);
        // Several gateways run in this process: each takes free Orleans ports.
        builder.Configuration.AddInMemoryCollection([new(GatewayOrleansSettings.SiloPortKey, "0"), new(GatewayOrleansSettings.GatewayPortKey, "0")]);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayNotifications(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        _app = builder.Build();
        _app.MapGatewayFacade();
        _app.MapGatewayWebhookIntake();
        await _app.StartAsync();
        WebhookTemplatesRegistered = _app.Services.GetRequiredService<WebhookTemplateRegistration>().Registered;
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a))
            .First(a => a.Port != webhookPort);
        Target = address.Authority;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>Whether the embedded sandbox's webhook templates are registered at start-up (as in the local run).</summary>
    protected virtual bool RegisterWebhookTemplates => false;

    /// <summary>Completes with the number of templates created once the start-up registration is done.</summary>
    public Task<int> WebhookTemplatesRegistered { get; private set; } = Task.FromResult(0);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }
}

/// <summary>The gateway exactly as the local run starts it: the embedded sandbox calls its webhook intake.</summary>
public sealed class WebhookGatewayFixture : GatewayFixture
{
    protected override bool RegisterWebhookTemplates => true;
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
