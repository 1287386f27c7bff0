using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// TLS on the gateway's own listeners. An <c>https://</c> address in <c>Gateway:Urls</c> or <c>Gateway:WebhookUrls</c>
/// is served with the certificate of Kestrel's standard <c>Kestrel:Certificates:Default</c>, speaking HTTP/2 and
/// HTTP/1.1 chosen by ALPN, so gRPC and the webhook intake may share one port. Listeners declared in Kestrel's own
/// <c>Kestrel:Endpoints:&lt;name&gt;</c> (each with its <c>Certificate</c>) are bound by Kestrel as usual and serve the same
/// endpoints. With a real upstream, a listener off loopback without TLS is refused at start.
/// </summary>
public sealed class GatewayTlsSettings
{
    public const string DefaultCertificateKey = "Kestrel:Certificates:Default";
    public const string KestrelEndpointsKey = "Kestrel:Endpoints";

    private readonly HashSet<IPEndPoint> _tlsEndpoints;

    private GatewayTlsSettings(X509Certificate2? certificate, IEnumerable<IPEndPoint> tlsEndpoints)
    {
        Certificate = certificate;
        _tlsEndpoints = [.. tlsEndpoints];
    }

    /// <summary>The certificate of the https:// gateway listeners (Kestrel:Certificates:Default); null when none is TLS.</summary>
    public X509Certificate2? Certificate { get; }

    public bool Any => _tlsEndpoints.Count > 0;

    public bool IsTls(IPEndPoint endpoint) => _tlsEndpoints.Contains(endpoint);

    internal static GatewayTlsSettings Read(IConfiguration configuration, IReadOnlyCollection<IPEndPoint> tlsEndpoints, List<string> problems)
    {
        X509Certificate2? certificate = null;
        if (tlsEndpoints.Count > 0)
        {
            var section = configuration.GetSection(DefaultCertificateKey);
            if (!section.Exists())
            {
                problems.Add($"{GatewaySettings.UrlsKey} or {GatewaySettings.WebhookUrlsKey} names an https:// address but {DefaultCertificateKey} is not set: "
                    + $"set {DefaultCertificateKey}:Path and :KeyPath (PEM certificate and key) or :Path and :Password (.pfx).");
            }
            else
            {
                certificate = CertificateFiles.Load(section, problems);
            }
        }

        return new GatewayTlsSettings(certificate, tlsEndpoints);
    }

    /// <summary>
    /// With a real upstream every listener is either on loopback (a TLS proxy on this host in front) or TLS: card data
    /// and tokens must not cross a network in clear. Names the setting to change.
    /// </summary>
    internal static void CheckProduction(IConfiguration configuration, IReadOnlyList<IPEndPoint> grpc, IReadOnlyList<IPEndPoint> webhooks, IReadOnlyCollection<IPEndPoint> tls, List<string> problems)
    {
        foreach (var (key, endpoints) in new[] { (GatewaySettings.UrlsKey, grpc), (GatewaySettings.WebhookUrlsKey, webhooks) })
        {
            foreach (var endpoint in endpoints.Where(e => !IPAddress.IsLoopback(e.Address) && !tls.Contains(e)))
            {
                problems.Add($"{key} listens on {endpoint} without TLS while {GatewaySettings.BaseAddressKey} is a real Nordea Connect: use https://{endpoint} with a certificate in "
                    + $"{DefaultCertificateKey} (:Path and :KeyPath), or listen on 127.0.0.1 behind a TLS proxy on this host.");
            }
        }

        foreach (var endpoint in configuration.GetSection(KestrelEndpointsKey).GetChildren())
        {
            if (Uri.TryCreate(endpoint["Url"], UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && !IsLoopbackHost(url.Host))
            {
                problems.Add($"{endpoint.Path}:Url '{url}' listens off loopback without TLS while {GatewaySettings.BaseAddressKey} is a real Nordea Connect: use https:// with {endpoint.Path}:Certificate (or {DefaultCertificateKey}).");
            }
        }

        if (configuration[GatewayOrleansSettings.AdvertisedIPKey] is { Length: > 0 } advertised && IPAddress.TryParse(advertised, out var address) && !IPAddress.IsLoopback(address)
            && string.Equals(configuration[GatewaySettings.StorageKey], "postgres", StringComparison.OrdinalIgnoreCase)
            && !configuration.GetSection(GatewayClusterTlsSettings.CertificateKey).Exists())
        {
            problems.Add($"{GatewayOrleansSettings.AdvertisedIPKey} {advertised} puts cluster traffic (card data on its way upstream) on the network without TLS while {GatewaySettings.BaseAddressKey} is a real Nordea Connect: "
                + $"set {GatewayClusterTlsSettings.CertificateKey}:Path and :KeyPath and {GatewayClusterTlsSettings.AuthorityKey}:Path (mutual TLS between nodes).");
        }
    }

    private static bool IsLoopbackHost(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
