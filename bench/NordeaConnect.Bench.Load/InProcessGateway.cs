using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Gateway.Hosting;
using Grpc.Net.Client;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Bench.Load;

/// <summary>The gateway composed as its main command does, calling <paramref name="sandbox"/> over HTTP.</summary>
internal sealed class InProcessGateway(WebApplication app, UpstreamConnection upstream, GrpcChannel channel) : IAsyncDisposable
{
    public const string Token = "bench-token-all-scopes-0000001";

    public GrpcChannel Channel { get; } = channel;

    /// <param name="postgres">Grain storage in this PostgreSQL (as in production), or null for memory.</param>
    public static async Task<InProcessGateway> StartAsync(RunningSandbox sandbox, string? postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewaySettings.StorageKey] = postgres is null ? "memory" : "postgres",
            [GatewaySettings.PostgresKey] = postgres,
            [GatewaySettings.UrlsKey] = "http://127.0.0.1:0",
            [GatewaySettings.BaseAddressKey] = sandbox.BaseAddress.ToString(),
            [GatewaySettings.MerchantIdKey] = sandbox.Merchant.Id,
            [GatewaySettings.ApiPasswordKey] = sandbox.Merchant.Password,
            [GatewaySettings.HashSecretKey] = sandbox.Merchant.HashSecret,
            ["Gateway:Tokens:0:Name"] = "bench",
            ["Gateway:Tokens:0:Token"] = Token,
            ["Gateway:Tokens:0:Scopes"] = "read write refund admin",
        }).Build();
        var settings = GatewaySettings.Read(configuration);
        var upstream = await UpstreamConnection.StartAsync(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ListenForGrpc(settings);
        builder.Services.AddNordeaConnectUpstream(upstream);
        builder.UseGatewayOrleans(settings);
        builder.Services.AddGatewayFacade(settings.Tokens);
        var app = builder.Build();
        app.MapGatewayFacade();
        await app.StartAsync();
        return new InProcessGateway(app, upstream, GrpcChannel.ForAddress(new Uri(app.Urls.First())));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await upstream.DisposeAsync();
    }
}
