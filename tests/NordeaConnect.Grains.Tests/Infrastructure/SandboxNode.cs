using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// One node of the service as production wires it: the grain runtime, the payment grains, and the REST client over real
/// HTTP to the sandbox, with PostgreSQL storage when a schema is given (several nodes may share it). Every request the
/// client sends is counted.
/// </summary>
internal sealed class SandboxNode : IAsyncDisposable
{
    private SandboxNode(ServiceProvider services, CallCounter upstreamCalls)
    {
        Services = services;
        UpstreamCalls = upstreamCalls;
    }

    public ServiceProvider Services { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public INordeaConnectClient Client => Services.GetRequiredService<INordeaConnectClient>();

    /// <summary>Requests this node's client sent upstream, by "METHOD path".</summary>
    public CallCounter UpstreamCalls { get; }

    public static async Task<SandboxNode> StartAsync(
        RunningSandbox sandbox,
        PostgresSchema? postgres = null,
        Action<NordeaConnectClientOptions>? client = null,
        Action<PaymentGrainsOptions>? grains = null)
    {
        var counter = new CallCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNordeaConnectClient(options =>
            {
                options.BaseAddress = sandbox.BaseAddress;
                options.MerchantId = sandbox.Merchant.Id;
                options.ApiPassword = sandbox.Merchant.Password;
                options.HashSecret = sandbox.Merchant.HashSecret;
                options.AllowInsecureHttp = true;
                options.AttemptTimeout = TimeSpan.FromSeconds(5);
                options.TotalTimeout = TimeSpan.FromSeconds(15);
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
                client?.Invoke(options);
            })
            .AddHttpMessageHandler(() => new CountingHandler(counter));
        var runtime = services.AddGrainRuntime(options =>
        {
            // Hundreds of callers queue on one grain in these tests; on a loaded 2-core machine the last one waits long.
            options.TurnTimeout = TimeSpan.FromSeconds(60);
            options.QueueTimeout = TimeSpan.FromMinutes(3);
        }).AddPaymentGrains(grains);
        if (postgres is not null)
        {
            runtime.UsePostgresGrainStorage(PostgresSchema.ConnectionString, options => options.Schema = postgres.Name);
        }

        var node = new SandboxNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), counter);
        foreach (var hosted in node.Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return node;
    }

    /// <summary>Stops the node as a host would (activations deactivate, states are written), then drops everything it held.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}
