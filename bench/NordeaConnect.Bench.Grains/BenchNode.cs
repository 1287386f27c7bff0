using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Grains;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Bench.Grains;

/// <summary>The service as a local run wires it: one Orleans silo, in-memory storage, its REST client pointed at the sandbox and counted.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchNode(IHost host, RequestCounter counter)
    {
        _host = host;
        Counter = counter;
    }

    public RequestCounter Counter { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public ITransactionService Transactions => Services.GetRequiredService<ITransactionService>();

    public static async Task<BenchNode> StartAsync(RunningSandbox sandbox, TimeSpan staleness)
    {
        var counter = new RequestCounter();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddNordeaConnectClient(options =>
            {
                options.BaseAddress = sandbox.BaseAddress;
                options.MerchantId = sandbox.Merchant.Id;
                options.ApiPassword = sandbox.Merchant.Password;
                options.HashSecret = sandbox.Merchant.HashSecret;
                options.AllowInsecureHttp = true;
                // The baseline is many GETs; the breaker's defaults are for production traffic, not a benchmark loop.
                options.CircuitBreakerMinimumThroughput = int.MaxValue;
            })
            .AddHttpMessageHandler(() => counter);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), FreePort())
            .AddPaymentGrains(options => options.DefaultStaleness = staleness)
            .UsePaymentGrainsMemoryStorage());
        var host = builder.Build();
        await host.StartAsync();
        return new BenchNode(host, counter);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
