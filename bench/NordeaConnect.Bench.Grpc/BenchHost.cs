using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Bench.Grpc.Protos;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NordeaConnect.Bench.Grpc;

/// <summary>
/// One Kestrel h2c host on 127.0.0.1 with both contenders behind the same routing: the gRPC layer serving
/// BenchService.Get (unless an external target is measured instead) and the bare handler at <see cref="BarePath"/>.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string BarePath = "/bare/unary";
    public const string LayerPath = "/nordeaconnect.bench.v1.BenchService/Get";

    private readonly WebApplication _app;

    private BenchHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The reply the in-process service returns: built once, like a cached read.</summary>
    public static GetReply CachedReply { get; } = BuildReply();

    public static async Task<BenchHost> StartAsync(bool serveLayer, Func<byte[]> bareResponseBody)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(new IPEndPoint(IPAddress.Loopback, 0), listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<CachedBenchService>();
        var app = builder.Build();
        if (serveLayer)
        {
            app.MapGrpcService<CachedBenchService>();
        }

        // Resolved on first request, so the bytes can be captured from the layer after the host has started.
        BareKestrelHandler? bare = null;
        app.MapPost(BarePath, context => (bare ??= new BareKestrelHandler(bareResponseBody())).HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BenchHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static GetReply BuildReply()
    {
        var reply = new GetReply
        {
            Id = "1d4f8a2c9b7e4f01a3c5e7d9b1f3a5c7",
            Status = "captured",
            Amount = "1249.00",
            Currency = "SEK",
            PaymentRef = "ORDER-884213",
            Created = "2026-11-21T05:19:15Z",
        };
        reply.Metadata.Add("order_id", "884213");
        reply.Metadata.Add("channel", "web-checkout");
        reply.Events.Add("000.000.000 authorized 2026-11-21T05:19:15Z");
        reply.Events.Add("000.000.000 captured 2026-11-21T05:19:16Z");
        return reply;
    }
}

/// <summary>BenchService.Get on Grpc.AspNetCore, answering the reply built once.</summary>
internal sealed class CachedBenchService : BenchService.BenchServiceBase
{
    public override Task<GetReply> Get(GetRequest request, ServerCallContext context) => Task.FromResult(BenchHost.CachedReply);
}
