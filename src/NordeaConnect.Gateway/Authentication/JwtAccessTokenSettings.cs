using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// JWT access tokens from the company's identity provider, read from ASP.NET Core's standard section
/// <c>Authentication:Schemes:Bearer</c> (<c>ValidIssuer</c>/<c>ValidIssuers</c>, <c>ValidAudience</c>/<c>ValidAudiences</c>,
/// and <c>Authority</c> for OpenID Connect discovery or <c>SigningKeys:N:Issuer</c>/<c>:Value</c> for shared keys)
/// plus <c>PublicKeys:N:Path</c>: PEM files holding the provider's RSA or ECDSA public key or certificate, for
/// providers whose keys are distributed out of band. Checked at start; problems name the setting, never a key.
/// </summary>
public sealed class JwtAccessTokenSettings
{
    public const string SectionName = "Authentication:Schemes:Bearer";

    /// <summary>A prefix the identity provider puts before the gateway's scope names, e.g. "nordeaconnect." for "nordeaconnect.refund".</summary>
    public const string ScopePrefixKey = SectionName + ":ScopePrefix";

    private JwtAccessTokenSettings(IReadOnlyList<string> issuers, IReadOnlyList<string> audiences, string? authority, int sharedKeys, IReadOnlyList<SecurityKey> publicKeys, string scopePrefix)
    {
        Issuers = issuers;
        Audiences = audiences;
        Authority = authority;
        SharedKeyCount = sharedKeys;
        PublicKeys = publicKeys;
        ScopePrefix = scopePrefix;
    }

    /// <summary>No JWT configuration: only static tokens are accepted.</summary>
    public static JwtAccessTokenSettings None { get; } = new([], [], null, 0, [], string.Empty);

    public bool Enabled => Issuers.Count > 0;

    public IReadOnlyList<string> Issuers { get; }

    public IReadOnlyList<string> Audiences { get; }

    public string? Authority { get; }

    public int SharedKeyCount { get; }

    /// <summary>The asymmetric keys read from <c>PublicKeys:N:Path</c>, added to the JwtBearer handler's signing keys.</summary>
    public IReadOnlyList<SecurityKey> PublicKeys { get; }

    public string ScopePrefix { get; }

    public static JwtAccessTokenSettings Read(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var section = configuration.GetSection(SectionName);
        if (!section.Exists())
        {
            return None;
        }

        var issuers = Values(section, "ValidIssuer", "ValidIssuers");
        var audiences = Values(section, "ValidAudience", "ValidAudiences");
        var authority = section["Authority"];
        if (issuers.Count == 0)
        {
            problems.Add($"{SectionName}:ValidIssuer is missing: name the identity provider's issuer (the tokens' iss claim), e.g. https://login.example/realms/payments.");
        }

        if (audiences.Count == 0)
        {
            problems.Add($"{SectionName}:ValidAudience is missing: name the audience the identity provider puts in tokens for this gateway (the aud claim), e.g. nordeaconnect-gateway.");
        }

        if (!string.IsNullOrEmpty(authority) && (!Uri.TryCreate(authority, UriKind.Absolute, out var authorityUrl) || authorityUrl.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{SectionName}:Authority '{authority}' is not an https:// address: give the identity provider's base address (its keys are read from /.well-known/openid-configuration there).");
        }

        var sharedKeys = 0;
        foreach (var key in section.GetSection("SigningKeys").GetChildren())
        {
            var value = key["Value"];
            if (string.IsNullOrEmpty(key["Issuer"]) || !issuers.Contains(key["Issuer"]!))
            {
                problems.Add($"{key.Path}:Issuer must name one of the valid issuers: the handler only uses a shared key for tokens of its issuer.");
            }

            var bytes = new byte[((value?.Length ?? 0) * 3 / 4) + 3];
            if (string.IsNullOrEmpty(value) || !Convert.TryFromBase64String(value, bytes, out var length) || length < 32)
            {
                // The value is a secret: say what is wrong with it, never echo it.
                problems.Add($"{key.Path}:Value must be a base64 key of at least 32 bytes (256 bits), e.g. from `openssl rand -base64 32`.");
            }
            else
            {
                sharedKeys++;
            }

            CryptographicOperations.ZeroMemory(bytes);
        }

        var publicKeys = new List<SecurityKey>();
        foreach (var key in section.GetSection("PublicKeys").GetChildren())
        {
            if (ReadPublicKey(key["Path"]) is { } read)
            {
                publicKeys.Add(read);
            }
            else
            {
                problems.Add($"{key.Path}:Path must name a readable PEM file holding the identity provider's RSA or ECDSA public key or certificate.");
            }
        }

        if (string.IsNullOrEmpty(authority) && sharedKeys == 0 && publicKeys.Count == 0)
        {
            problems.Add($"{SectionName} has no keys to check signatures with: set {SectionName}:Authority (the identity provider's https address), "
                + $"{SectionName}:PublicKeys:0:Path (a PEM public key or certificate) or {SectionName}:SigningKeys:0:Issuer and :Value (a shared key).");
        }

        var prefix = configuration[ScopePrefixKey] ?? string.Empty;
        return new JwtAccessTokenSettings(issuers, audiences, string.IsNullOrEmpty(authority) ? null : authority, sharedKeys, publicKeys, prefix);
    }

    private static List<string> Values(IConfigurationSection section, string single, string list)
    {
        var values = section.GetSection(list).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
        if (section[single] is { Length: > 0 } one)
        {
            values.Insert(0, one);
        }

        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    private static SecurityKey? ReadPublicKey(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var pem = File.ReadAllText(path);
            if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                // A private key has no business on the gateway: it would let the gateway mint tokens.
                return null;
            }

            if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            {
                return new X509SecurityKey(X509Certificate2.CreateFromPem(pem));
            }

            try
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                return new RsaSecurityKey(rsa);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(pem);
                return new ECDsaSecurityKey(ecdsa);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
