using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Bench.Grains;

/// <summary>The service as a local run wires it (in-memory storage), its REST client pointed at the sandbox and counted.</summary>
internal sealed class BenchNode : IAsyncDisposable
{
    private BenchNode(ServiceProvider services, RequestCounter counter)
    {
        Services = services;
        Counter = counter;
    }

    public ServiceProvider Services { get; }

    public RequestCounter Counter { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public ITransactionService Transactions => Services.GetRequiredService<ITransactionService>();

    public static async Task<BenchNode> StartAsync(RunningSandbox sandbox, TimeSpan staleness)
    {
        var counter = new RequestCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNordeaConnectClient(options =>
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
        services.AddGrainRuntime().AddPaymentGrains(options => options.DefaultStaleness = staleness);
        var node = new BenchNode(services.BuildServiceProvider(), counter);
        foreach (var hosted in node.Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}
