using Microsoft.Extensions.Configuration;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>The start-up check of the trust settings: every problem names the setting to fix, never a secret.</summary>
public sealed class TrustSettingsTests
{
    private static readonly Dictionary<string, string?> RealUpstream = new()
    {
        [GatewaySettings.BaseAddressKey] = "https://api.example/",
        [GatewaySettings.MerchantIdKey] = "3",
        [GatewaySettings.ApiPasswordKey] = "trust-api-password-0001",
        [GatewaySettings.HashSecretKey] = "trust-hash-secret-00001",
        ["Gateway:Tokens:0:Token"] = "trust-settings-token-0001",
        ["Gateway:Tokens:0:Scopes"] = "read",
    };

    [Theory]
    [InlineData(GatewaySettings.UrlsKey, "http://0.0.0.0:5080")]
    [InlineData(GatewaySettings.WebhookUrlsKey, "http://10.1.2.3:5081")]
    public void A_production_listener_off_loopback_without_tls_is_refused_naming_the_setting(string key, string url)
    {
        var problems = Problems(new(RealUpstream) { [key] = url });

        Assert.Contains(problems, p => p.StartsWith(key + " listens on", StringComparison.Ordinal) && p.Contains("without TLS", StringComparison.Ordinal) && p.Contains("Kestrel:Certificates:Default", StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_kestrel_endpoint_off_loopback_without_tls_is_refused()
    {
        var problems = Problems(new(RealUpstream) { ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:8080" });

        Assert.Contains(problems, p => p.StartsWith("Kestrel:Endpoints:Public:Url", StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_cluster_on_the_network_without_tls_is_refused_naming_the_orleans_tls_settings()
    {
        var problems = Problems(new(RealUpstream)
        {
            [GatewaySettings.StorageKey] = "postgres",
            [GatewaySettings.PostgresKey] = "Host=127.0.0.1;Username=u;Password=p;Database=d",
            [GatewayOrleansSettings.AdvertisedIPKey] = "10.0.0.5",
        });

        Assert.Contains(problems, p => p.StartsWith(GatewayOrleansSettings.AdvertisedIPKey, StringComparison.Ordinal) && p.Contains(GatewayClusterTlsSettings.CertificateKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Loopback_listeners_are_accepted_in_production_and_the_sandbox_may_listen_anywhere()
    {
        var production = GatewaySettings.Read(Configure(RealUpstream));
        var local = GatewaySettings.Read(Configure(new() { [GatewaySettings.UrlsKey] = "http://0.0.0.0:5080" }));

        Assert.NotNull(production.Upstream);
        Assert.False(production.Tls.Any);
        Assert.Null(local.Upstream);
    }

    [Fact]
    public void An_https_listener_without_a_certificate_is_refused_naming_kestrels_default_certificate()
    {
        var problems = Problems(new() { [GatewaySettings.UrlsKey] = "https://127.0.0.1:5443" });

        Assert.Contains(problems, p => p.Contains("Kestrel:Certificates:Default is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Https_listeners_take_the_default_certificate_and_may_share_a_port_with_the_webhook_intake()
    {
        using var certificates = TestCertificates.Create("settings");
        var (certificate, key) = certificates.Issue("server");

        var settings = GatewaySettings.Read(Configure(new(RealUpstream)
        {
            [GatewaySettings.UrlsKey] = "https://0.0.0.0:5443",
            [GatewaySettings.WebhookUrlsKey] = "https://0.0.0.0:5443",
            ["Kestrel:Certificates:Default:Path"] = certificate,
            ["Kestrel:Certificates:Default:KeyPath"] = key,
        }));

        Assert.True(settings.Tls.IsTls(settings.Endpoints[0]));
        Assert.Equal("CN=server", settings.Tls.Certificate?.Subject);
    }

    [Fact]
    public void A_certificate_without_its_key_is_refused()
    {
        using var certificates = TestCertificates.Create("nokey");
        var (certificate, _) = certificates.Issue("server");

        var problems = Problems(new() { [GatewaySettings.UrlsKey] = "https://127.0.0.1:5443", ["Kestrel:Certificates:Default:Path"] = certificate });

        Assert.Contains(problems, p => p.StartsWith("Kestrel:Certificates:Default has no private key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_jwt_section_names_what_it_lacks_and_never_echoes_a_key()
    {
        const string ShortKey = "c2hvcnQta2V5";
        var problems = Problems(new()
        {
            ["Authentication:Schemes:Bearer:ValidIssuer"] = "https://idp.example",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = "https://idp.example",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = ShortKey,
            ["Authentication:Schemes:Bearer:PublicKeys:0:Path"] = "/nonexistent/idp.pem",
        });

        Assert.Contains(problems, p => p.StartsWith("Authentication:Schemes:Bearer:ValidAudience is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Authentication:Schemes:Bearer:SigningKeys:0:Value must be a base64 key of at least 32 bytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Authentication:Schemes:Bearer:PublicKeys:0:Path", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(ShortKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Cluster_tls_needs_the_certificate_authority()
    {
        using var certificates = TestCertificates.Create("orleans");
        var (certificate, key) = certificates.Issue("node");

        var refused = Assert.Throws<GatewayConfigurationException>(() => GatewayClusterTlsSettings.Read(Configure(new()
        {
            ["Orleans:Tls:Certificate:Path"] = certificate,
            ["Orleans:Tls:Certificate:KeyPath"] = key,
        })));

        Assert.StartsWith("Orleans:Tls:CertificateAuthority:Path is missing", Assert.Single(refused.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgres_connection_string_keeps_its_ssl_mode()
    {
        const string Postgres = "Host=db.example;Username=u;Password=p;Database=d;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/db-ca.pem";

        var settings = GatewaySettings.Read(Configure(new() { [GatewaySettings.StorageKey] = "postgres", [GatewaySettings.PostgresKey] = Postgres }));

        Assert.Equal(Postgres, settings.PostgresConnectionString);
    }

    private static IConfiguration Configure(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<GatewayConfigurationException>(() => GatewaySettings.Read(Configure(values))).Problems;
}
