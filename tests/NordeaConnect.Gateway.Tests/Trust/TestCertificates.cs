using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// A certificate authority made for one test run (CertificateRequest, nothing from outside) and the certificates it
/// issues: a server certificate for 127.0.0.1/localhost, and node certificates for cluster mutual TLS. Written as
/// PEM files into a directory of their own, deleted with it.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, X509Certificate2 authority)
    {
        Directory = directory;
        Authority = authority;
        AuthorityPath = Path.Combine(directory, "ca.pem");
        File.WriteAllText(AuthorityPath, authority.ExportCertificatePem());
    }

    public string Directory { get; }

    /// <summary>The authority, with its private key (kept in memory only).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The authority's certificate as PEM (no key): what clients and peers trust.</summary>
    public string AuthorityPath { get; }

    public static TestCertificates Create(string name)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("nc-trust-" + name + "-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=NordeaConnect test CA {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        return new TestCertificates(directory, authority);
    }

    /// <summary>A certificate for 127.0.0.1 and localhost, valid for server and client authentication; PEM paths of certificate and key.</summary>
    public (string CertificatePath, string KeyPath) Issue(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Authority, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        var certificatePath = Path.Combine(Directory, name + ".pem");
        var keyPath = Path.Combine(Directory, name + ".key.pem");
        File.WriteAllText(certificatePath, issued.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    public X509Certificate2 Load(string name) => X509Certificate2.CreateFromPemFile(Path.Combine(Directory, name + ".pem"), Path.Combine(Directory, name + ".key.pem"));

    /// <summary>Private keys written by this run (what a scan must never find in logs or tables).</summary>
    public IEnumerable<string> PrivateKeyTexts() =>
        System.IO.Directory.GetFiles(Directory, "*.key.pem").Select(File.ReadAllText)
            .Select(pem => string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Take(2)));

    public void Dispose()
    {
        Authority.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
