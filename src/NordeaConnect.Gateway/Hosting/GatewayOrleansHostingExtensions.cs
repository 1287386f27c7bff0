using System.Globalization;
using System.Net;
using System.Net.Sockets;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Grains;
using Orleans.Configuration;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The gateway process as an Orleans silo hosting the payment grains: one node on localhost clustering with grain
/// state and reminders in memory (Gateway:Storage=memory, the zero set-up default), or a member of a cluster whose
/// membership, grain state and reminders live in PostgreSQL (Gateway:Storage=postgres), where every gateway process
/// sharing the database with distinct ports joins the same cluster.
/// </summary>
public static class GatewayOrleansHostingExtensions
{
    /// <summary>UseOrleans on the host with the payment grains, whose changes are announced on the gateway's change feed.</summary>
    public static IHostApplicationBuilder UseGatewayOrleans(this IHostApplicationBuilder builder, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var orleans = GatewayOrleansSettings.Read(builder.Configuration);
        var clusterTls = GatewayClusterTlsSettings.Read(builder.Configuration);
        // Orleans narrates its start-up at Information; the gateway's own lines are what a person running it needs.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.AddPaymentGrains();
            silo.AddActivityPropagation();
            silo.Services.AddSingleton<CorrelationGrainCallFilter>();
            silo.AddOutgoingGrainCallFilter<CorrelationGrainCallFilter>();
            silo.AddIncomingGrainCallFilter<CorrelationGrainCallFilter>();
            // A mutation may spend the upstream call's whole deadline (45 s) and then read upstream to reconcile; with
            // Orleans' default 30 s the gateway answered "internal error" while the grain went on, and dropped its real
            // answer. A caller's own gRPC deadline still ends a call sooner: it cancels the grain call.
            silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(90));
            if (clusterTls is not null)
            {
                silo.UseGatewayClusterTls(clusterTls);
            }

            if (settings.Storage == GatewayStorage.Postgres)
            {
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = orleans.ClusterId;
                    cluster.ServiceId = orleans.ServiceId;
                });
                silo.ConfigureEndpoints(orleans.AdvertisedIP, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(orleans.AdvertisedIP));
                silo.UsePaymentGrainsPostgres(settings.PostgresConnectionString!);
            }
            else
            {
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                silo.UsePaymentGrainsMemoryStorage();
            }
        });
        builder.Services.AddGrainChangeAnnouncements();
        return builder;
    }
}

/// <summary>
/// Orleans:ClusterId, Orleans:ServiceId, Orleans:SiloPort (default 11111), Orleans:GatewayPort (default 30000) and
/// Orleans:AdvertisedIP (default 127.0.0.1), checked at start. A port of 0 takes a free port at start, for a node
/// no other node needs to reach (in-process test gateways).
/// </summary>
public sealed record GatewayOrleansSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress AdvertisedIP)
{
    public const string ClusterIdKey = "Orleans:ClusterId";
    public const string ServiceIdKey = "Orleans:ServiceId";
    public const string SiloPortKey = "Orleans:SiloPort";
    public const string GatewayPortKey = "Orleans:GatewayPort";
    public const string AdvertisedIPKey = "Orleans:AdvertisedIP";

    public static GatewayOrleansSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var clusterId = Text(configuration, ClusterIdKey, "nordeaconnect", problems);
        var serviceId = Text(configuration, ServiceIdKey, "nordeaconnect-grains", problems);
        var siloPort = Port(configuration, SiloPortKey, 11111, problems);
        var gatewayPort = Port(configuration, GatewayPortKey, 30000, problems);
        if (siloPort != 0 && siloPort == gatewayPort)
        {
            problems.Add($"{SiloPortKey} and {GatewayPortKey} are both {siloPort}: give each its own port.");
        }

        var advertised = IPAddress.Loopback;
        if (configuration[AdvertisedIPKey] is { Length: > 0 } text && !IPAddress.TryParse(text, out advertised!))
        {
            problems.Add($"{AdvertisedIPKey} '{text}' is not an IP address: give the address other nodes reach this one at, e.g. 10.0.0.5.");
            advertised = IPAddress.Loopback;
        }

        if (problems.Count == 0)
        {
            // A second node on one host with the same ports binds them too (Orleans listens with SO_REUSEPORT) and
            // then declares the first node dead as an "older clone" of itself: refuse that at start instead.
            PortInUse(siloPort, SiloPortKey, problems);
            PortInUse(gatewayPort, GatewayPortKey, problems);
        }

        if (problems.Count > 0)
        {
            throw new GatewayConfigurationException(problems);
        }

        return new GatewayOrleansSettings(clusterId, serviceId, siloPort == 0 ? FreePort() : siloPort, gatewayPort == 0 ? FreePort() : gatewayPort, advertised);
    }

    private static string Text(IConfiguration configuration, string key, string fallback, List<string> problems)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            problems.Add($"{key} '{text}' is empty or has spaces: use a name like {fallback}.");
        }

        return text;
    }

    private static int Port(IConfiguration configuration, string key, int fallback, List<string> problems)
    {
        var text = configuration[key];
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            problems.Add($"{key} '{text}' is not a port: use 1-65535 (or 0 for a free one).");
            return fallback;
        }

        return port;
    }

    private static void PortInUse(int port, string key, List<string> problems)
    {
        if (port == 0)
        {
            return;
        }

        try
        {
            using var probe = new TcpListener(IPAddress.Any, port);
            probe.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            problems.Add($"{key} {port} is already in use on this machine (another gateway node?): give each node on one host its own {SiloPortKey} and {GatewayPortKey}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
