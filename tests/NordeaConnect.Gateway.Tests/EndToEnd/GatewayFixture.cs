using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Grpc;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as the main command composes it (same extension methods), on Kestrel at 127.0.0.1 with a dynamic
/// port, an embedded sandbox and memory storage, with one token per scope combination the tests need.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
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
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
        var settings = GatewaySettings.Read(configuration);
        _upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ListenForGrpc(settings);
        builder.Services.AddNordeaConnectUpstream(_upstream);
        builder.Services.AddGatewayGrains(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        _app = builder.Build();
        _app.MapGatewayFacade();
        await _app.StartAsync();
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Target = address.Authority;
        Channel = GrpcChannel.ForAddress(address);
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

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
