using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>An identity provider made for one test run: its RSA signing key (public half in a PEM file for the gateway) and a shared key.</summary>
internal sealed class TestJwts : IDisposable
{
    public const string Issuer = "https://idp.test/realms/payments";
    public const string OtherIssuer = "https://idp.test/realms/elsewhere";
    public const string SharedKeyIssuer = "https://idp.test/realms/shared";
    public const string Audience = "nordeaconnect-gateway";

    private readonly RSA _signing = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    public TestJwts(string directory)
    {
        PublicKeyPath = Path.Combine(directory, "idp-public.pem");
        File.WriteAllText(PublicKeyPath, _signing.ExportSubjectPublicKeyInfoPem());
        SharedKey = RandomNumberGenerator.GetBytes(32);
    }

    public string PublicKeyPath { get; }

    public byte[] SharedKey { get; }

    /// <summary>Every token issued in this run, for the secret scan.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Issued { get; } = [];

    /// <summary>The RSA private key as PEM body lines, for the secret scan.</summary>
    public string PrivateKeyText => string.Concat(_signing.ExportPkcs8PrivateKeyPem().Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Take(2));

    /// <summary>A token as the identity provider issues it; every part can be made wrong on purpose.</summary>
    public string Issue(string subject, string scope, string issuer = Issuer, string audience = Audience, DateTime? notBefore = null, DateTime? expires = null, bool strangerSigns = false, bool scpArray = false)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (scpArray)
        {
            claims["scp"] = scope.Split(' ');
        }
        else
        {
            claims["scope"] = scope;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.AddHours(-3),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = issuer == SharedKeyIssuer
                ? new SigningCredentials(new SymmetricSecurityKey(SharedKey), SecurityAlgorithms.HmacSha256)
                : new SigningCredentials(new RsaSecurityKey(strangerSigns ? _stranger : _signing), SecurityAlgorithms.RsaSha256),
        };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        Issued.Add(token);
        return token;
    }

    public void Dispose()
    {
        _signing.Dispose();
        _stranger.Dispose();
    }
}
