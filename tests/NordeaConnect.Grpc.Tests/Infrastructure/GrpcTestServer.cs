using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Health;
using NordeaConnect.Grpc.Server;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Infrastructure;

/// <summary>A real Kestrel host on 127.0.0.1 (dynamic port, h2c) serving EchoService, health and a delegate-mapped method.</summary>
public sealed class GrpcTestServer : IAsyncDisposable
{
    public const string ReverseService = "nordeaconnect.grpc.testing.v1.Delegates";

    private readonly WebApplication _app;

    private GrpcTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public CallProbe Probe => _app.Services.GetRequiredService<CallProbe>();

    public HealthStatusRegistry Health => _app.Services.GetRequiredService<HealthStatusRegistry>();

    public static async Task<GrpcTestServer> StartAsync(
        Action<IServiceCollection>? configureServices = null,
        Action<GrpcServerOptions>? configureOptions = null,
        ILoggerProvider? logger = null,
        X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logger is not null)
        {
            builder.Logging.AddProvider(logger);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0), certificate));
        builder.Services.AddGrpcServer(configureOptions);
        builder.Services.AddSingleton<CallProbe>();
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGrpcService<EchoTestService>(EchoReflection.Descriptor.Services[0]);
        app.MapGrpcHealthService();
        app.MapGrpcUnaryMethod<EchoRequest, EchoReply>(ReverseService, "Reverse", (request, _) =>
            Task.FromResult(new EchoReply { Message = new string(request.Message.Reverse().ToArray()) }));
        // Lets out-of-process clients wait until a call they started is running on the server (message = tag).
        app.MapGrpcUnaryMethod<EchoRequest, EchoReply>(ReverseService, "AwaitStarted", async (request, context) =>
        {
            await app.Services.GetRequiredService<CallProbe>().WhenStarted(request.Message).WaitAsync(context.CancellationToken);
            return new EchoReply { Message = request.Message };
        });
        // Lets out-of-process clients drive health changes while they watch: message = service, payload[0] = status.
        app.MapGrpcUnaryMethod<EchoRequest, EchoReply>(ReverseService, "SetHealth", (request, _) =>
        {
            app.Services.GetRequiredService<HealthStatusRegistry>()
                .SetStatus(request.Message, (global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus)request.Payload[0]);
            return Task.FromResult(new EchoReply());
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new GrpcTestServer(app, new Uri(address));
    }

    /// <summary>Stops the host the way Ctrl-C does (graceful shutdown), leaving the channel usable for assertions.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
