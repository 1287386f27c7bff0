using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Serialization;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>
/// An Orleans cluster of <see cref="SiloCount"/> silos in this process (Microsoft.Orleans.TestingHost), each with the
/// payment grains. Grain calls go through the cluster's client, or through a given silo's own grain factory, so a test
/// can spread its callers over the silos like callers of several gateway nodes.
/// </summary>
internal sealed class TestSilos : IAsyncDisposable
{
    public const int SiloCount = 2;

    private static readonly TimeSpan QueueingTimeout = TimeSpan.FromMinutes(3);

    private TestSilos(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The services of silo <paramref name="index"/>.</summary>
    public IServiceProvider Services(int index) => Cluster.Silos[index % Cluster.Silos.Count].SiloHost.Services;

    /// <summary>The grain factory of silo <paramref name="index"/>: calls made there start on that silo.</summary>
    public IGrainFactory On(int index) => Cluster.Silos[index % Cluster.Silos.Count].SiloHost.Services.GetRequiredService<IGrainFactory>();

    /// <param name="serviceId">Names the stored state: a cluster started again with the same id finds it (PostgreSQL only).</param>
    /// <param name="configure">Adds the silo's services and storage; called once per silo.</param>
    public static async Task<TestSilos> StartAsync(string? serviceId, Action<ISiloBuilder> configure)
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.Options.ConfigureFileLogging = false;
        // Hundreds of callers queue on one grain in these tests; on a loaded 2-core machine the last one waits long.
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = QueueingTimeout);
            configure(silo);
        });
        builder.ConfigureClient(client =>
        {
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = QueueingTimeout);
            client.Services.AddSerializer(serializer => serializer.AddNordeaConnectClientTypes());
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilos(cluster);
    }

    /// <summary>Deactivates every idle activation, so the next call activates afresh from storage (as after a restart).</summary>
    public Task CollectAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
