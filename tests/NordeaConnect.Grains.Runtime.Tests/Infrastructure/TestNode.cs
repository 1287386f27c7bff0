using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Grains.Runtime.Tests.Grains;

namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>One runtime (a "node") with every test grain registered, built on its own service provider.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(ServiceProvider services)
    {
        Services = services;
        Grains = services.GetRequiredService<IGrainFactory>();
        Collector = services.GetRequiredService<IActivationCollector>();
        Log = services.GetRequiredService<LifecycleLog>();
    }

    public ServiceProvider Services { get; }

    public IGrainFactory Grains { get; }

    public IActivationCollector Collector { get; }

    public LifecycleLog Log { get; }

    public static TestNode Create(
        Action<GrainRuntimeOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IGrainRuntimeBuilder>? storage = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<LifecycleLog>();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        var builder = services.AddGrainRuntime(configure)
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<IExclusiveCounterGrain, CounterGrain>()
            .AddGrain<IRecorderGrain, RecorderGrain>()
            .AddGrain<ICallerGrain, CallerGrain>()
            .AddGrain<IGateGrain, GateGrain>()
            .AddGrain<IHangingGrain, HangingGrain>()
            .AddGrain<IShapesGrain, ShapesGrain>()
            .AddGrain<IProfileGrain, ProfileGrain>()
            .AddGrain<IMoodyGrain, MoodyGrain>()
            .AddGrain<IJournalingGrain, JournalingGrain>();
        storage?.Invoke(builder);
        return new TestNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    /// <summary>Runs the hosted services, as a host would at start-up.</summary>
    public async Task StartAsync()
    {
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
