using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NordeaConnect.Gateway.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// Silos in this process with the gateway's cluster TLS (UseGatewayClusterTls): two nodes with certificates from the
/// cluster's CA form a cluster; a node whose certificate another CA issued is refused at the handshake and never
/// becomes a member, although it trusts the cluster's CA itself.
/// </summary>
public sealed class ClusterMutualTlsTests : IDisposable
{
    private readonly TestCertificates _cluster = TestCertificates.Create("cluster");
    private readonly TestCertificates _stranger = TestCertificates.Create("stranger");

    [Fact]
    public async Task Two_nodes_with_the_clusters_certificates_form_a_cluster_and_a_node_with_another_cas_certificate_is_refused()
    {
        _cluster.Issue("node-a");
        _cluster.Issue("node-b");
        _stranger.Issue("node-c");
        var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificateFromFile(_cluster.AuthorityPath));
        var clusterId = "trust-" + Guid.NewGuid().ToString("N")[..8];
        var primary = new IPEndPoint(IPAddress.Loopback, FreePort());
        using var a = Silo(clusterId, primary, primary.Port, GatewayClusterTlsSettings.Create(_cluster.Load("node-a"), trusted));
        using var b = Silo(clusterId, primary, FreePort(), GatewayClusterTlsSettings.Create(_cluster.Load("node-b"), trusted));
        using var c = Silo(clusterId, primary, FreePort(), GatewayClusterTlsSettings.Create(_stranger.Load("node-c"), trusted));
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await a.StartAsync(bound.Token);
            await b.StartAsync(bound.Token);

            var management = a.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            Assert.Equal(2, (await management.GetHosts(onlyActive: true)).Count);

            await Assert.ThrowsAnyAsync<Exception>(() => c.StartAsync(bound.Token));
            Assert.False(bound.IsCancellationRequested, "the refused node's start did not end by itself");
            var hosts = await management.GetHosts(onlyActive: false);
            Assert.Equal(2, hosts.Count);
            Assert.All(hosts.Values, status => Assert.Equal(SiloStatus.Active, status));
        }
        finally
        {
            await StopQuietlyAsync(c);
            await StopQuietlyAsync(b);
            await StopQuietlyAsync(a);
        }
    }

    private static IHost Silo(string clusterId, IPEndPoint primary, int siloPort, GatewayClusterTlsSettings tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseDevelopmentClustering(primary);
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, FreePort());
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = clusterId;
            });
            // A node that cannot reach the membership table gives up joining instead of retrying for minutes.
            silo.Configure<ClusterMembershipOptions>(o => o.MaxJoinAttemptTime = TimeSpan.FromSeconds(20));
            silo.UseGatewayClusterTls(tls);
        });
        return builder.Build();
    }

    private static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or OrleansException or InvalidOperationException)
        {
            // A node that never started has nothing to stop.
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _stranger.Dispose();
    }
}
