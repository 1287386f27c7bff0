using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>A grain runtime with in-memory storage and the payment grains on fake upstreams: the grains' logic, fast and deterministic.</summary>
internal sealed class FakeNode : IAsyncDisposable
{
    private FakeNode(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public FakeTransactionUpstream Transactions => Services.GetRequiredService<FakeTransactionUpstream>();

    public FakeSubscriptionUpstream Subscriptions => Services.GetRequiredService<FakeSubscriptionUpstream>();

    public FakeStoredCardUpstream StoredCards => Services.GetRequiredService<FakeStoredCardUpstream>();

    public ManualTimeProvider Clock => Services.GetRequiredService<ManualTimeProvider>();

    public static async Task<FakeNode> StartAsync(Action<PaymentGrainsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ManualTimeProvider>();
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<ManualTimeProvider>());
        services.AddSingleton<FakeTransactionUpstream>();
        services.AddSingleton<ITransactionUpstream>(provider => provider.GetRequiredService<FakeTransactionUpstream>());
        services.AddSingleton<FakeSubscriptionUpstream>();
        services.AddSingleton<ISubscriptionUpstream>(provider => provider.GetRequiredService<FakeSubscriptionUpstream>());
        services.AddSingleton<FakeStoredCardUpstream>();
        services.AddSingleton<IStoredCardUpstream>(provider => provider.GetRequiredService<FakeStoredCardUpstream>());
        services.AddGrainRuntime().AddPaymentGrains(configure);
        var node = new FakeNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        foreach (var hosted in node.Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return node;
    }

    /// <summary>Collects every idle activation, so the next call activates afresh from storage (as after a restart).</summary>
    public Task<int> CollectAllAsync() => Services.GetRequiredService<IActivationCollector>().CollectIdleAsync(TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}
