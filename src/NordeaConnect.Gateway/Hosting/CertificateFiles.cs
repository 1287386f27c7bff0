using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// Loads a certificate described as Kestrel describes one (<c>Kestrel:Certificates:Default</c>): <c>Path</c> to a
/// PFX/PKCS#12 file (with <c>Password</c>) or a PEM certificate with <c>KeyPath</c> (an optionally encrypted PEM key,
/// <c>Password</c>), or <c>Subject</c> with <c>Store</c> (default My) and <c>Location</c> (default CurrentUser).
/// Problems name the setting and the file, never a password or key.
/// </summary>
public static class CertificateFiles
{
    /// <summary>The certificate the section describes, or null when the section is absent or a problem was added.</summary>
    public static X509Certificate2? Load(IConfigurationSection section, ICollection<string> problems, bool needsPrivateKey = true)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        if (!section.Exists())
        {
            return null;
        }

        var path = section["Path"];
        var keyPath = section["KeyPath"];
        var password = section["Password"];
        var subject = section["Subject"];
        X509Certificate2 certificate;
        try
        {
            if (!string.IsNullOrEmpty(path))
            {
                certificate = LoadFile(path, keyPath, password);
            }
            else if (!string.IsNullOrEmpty(subject))
            {
                certificate = LoadFromStore(section, subject);
            }
            else
            {
                problems.Add($"{section.Path} names no certificate: set {section.Path}:Path (a .pfx, or a PEM certificate with {section.Path}:KeyPath) or {section.Path}:Subject (with :Store).");
                return null;
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // The exception's text can quote file content; the type and the setting are enough to act on.
            problems.Add($"{section.Path} could not be loaded ({e.GetType().Name}): check {section.Path}:Path, :KeyPath and :Password (the file must be readable by the gateway's user).");
            return null;
        }

        if (needsPrivateKey && !certificate.HasPrivateKey)
        {
            problems.Add($"{section.Path} has no private key: give the key too ({section.Path}:KeyPath for a PEM certificate, or a .pfx holding both).");
            certificate.Dispose();
            return null;
        }

        if (certificate.NotAfter < DateTime.Now)
        {
            problems.Add($"{section.Path} ({certificate.Subject}) expired on {certificate.NotAfter:yyyy-MM-dd}: install a renewed certificate.");
            certificate.Dispose();
            return null;
        }

        return certificate;
    }

    /// <summary>The certificates of a PEM file (a CA bundle), for trusting; no private key is read.</summary>
    public static X509Certificate2Collection? LoadBundle(IConfigurationSection section, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(problems);
        var path = section["Path"];
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPemFile(path);
            if (bundle.Count == 0)
            {
                problems.Add($"{section.Path}:Path '{path}' holds no PEM certificate: give the certificate authority (BEGIN CERTIFICATE) the cluster's certificates are issued by.");
                return null;
            }

            return bundle;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{section.Path}:Path '{path}' could not be read as PEM certificates ({e.GetType().Name}).");
            return null;
        }
    }

    private static X509Certificate2 LoadFile(string path, string? keyPath, string? password)
    {
        if (!string.IsNullOrEmpty(keyPath))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }

        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        // A PEM file may hold the key after the certificate.
        return File.ReadAllText(path).Contains("PRIVATE KEY", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPemFile(path)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }

    private static X509Certificate2 LoadFromStore(IConfigurationSection section, string subject)
    {
        var storeName = section["Store"] is { Length: > 0 } name ? name : "My";
        var location = Enum.TryParse<StoreLocation>(section["Location"], ignoreCase: true, out var parsed) ? parsed : StoreLocation.CurrentUser;
        using var store = new X509Store(storeName, location);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindBySubjectName, subject, validOnly: !bool.TryParse(section["AllowInvalid"], out var allowInvalid) || !allowInvalid);
        return found.OfType<X509Certificate2>().Where(c => c.HasPrivateKey).OrderByDescending(c => c.NotAfter).FirstOrDefault()
            ?? throw new InvalidOperationException("No certificate with a private key for the subject in the store.");
    }
}
