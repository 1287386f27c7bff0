using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// Mutual TLS between the cluster's nodes (Microsoft.Orleans.Connections.Security): every node presents
/// <c>Orleans:Tls:Certificate</c> (shaped like Kestrel's: <c>Path</c> + <c>KeyPath</c>, or a .pfx with <c>Password</c>) and
/// accepts only peers whose certificate chains to <c>Orleans:Tls:CertificateAuthority:Path</c> (PEM). Both silo-to-silo
/// and client-to-silo connections are covered; a node with another certificate is refused at the handshake, so it
/// never joins. Without <c>Orleans:Tls:Certificate</c> the cluster speaks cleartext (loopback and the local run).
/// </summary>
public sealed class GatewayClusterTlsSettings
{
    public const string CertificateKey = "Orleans:Tls:Certificate";
    public const string AuthorityKey = "Orleans:Tls:CertificateAuthority";

    private GatewayClusterTlsSettings(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        Certificate = certificate;
        Authorities = authorities;
    }

    /// <summary>This node's certificate (with its private key); it must allow both server and client authentication.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The roots a peer's certificate must chain to; nothing else (not the machine's trust store) is trusted.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Null when cluster TLS is not configured.</summary>
    /// <exception cref="GatewayConfigurationException">The settings name files that cannot be used.</exception>
    public static GatewayClusterTlsSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CertificateKey);
        if (!section.Exists())
        {
            return null;
        }

        var problems = new List<string>();
        var certificate = CertificateFiles.Load(section, problems);
        var authorities = CertificateFiles.LoadBundle(configuration.GetSection(AuthorityKey), problems);
        if (authorities is null && problems.Count == 0)
        {
            problems.Add($"{AuthorityKey}:Path is missing while {CertificateKey} is set: give the PEM certificate authority the nodes' certificates are issued by (only peers it issued are admitted).");
        }

        if (problems.Count > 0 || certificate is null || authorities is null)
        {
            throw new GatewayConfigurationException(problems);
        }

        return new GatewayClusterTlsSettings(certificate, authorities);
    }

    public static GatewayClusterTlsSettings Create(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        return new GatewayClusterTlsSettings(certificate, authorities);
    }

    /// <summary>
    /// Whether a peer's certificate chains to one of <see cref="Authorities"/>. Nodes connect by IP address, so the
    /// name is not what is checked: being issued by the cluster's authority is.
    /// </summary>
    public bool IsTrusted(X509Certificate2? peer)
    {
        if (peer is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    internal void Apply(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (certificate, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0 && IsTrusted(certificate);
    }
}

public static class GatewayClusterTlsSiloBuilderExtensions
{
    /// <summary>Mutual TLS on every connection of the silo, as <paramref name="tls"/> describes.</summary>
    public static ISiloBuilder UseGatewayClusterTls(this ISiloBuilder silo, GatewayClusterTlsSettings tls)
    {
        ArgumentNullException.ThrowIfNull(tls);
        return silo.UseTls(tls.Certificate, tls.Apply);
    }
}
