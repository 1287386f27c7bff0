using Microsoft.Extensions.Configuration;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Hosting;

public sealed class GatewaySettingsTests
{
    private const string Token = "a-long-enough-token-0001";

    [Fact]
    public void No_settings_run_locally_with_a_generated_development_token()
    {
        var settings = GatewaySettings.Read(Configure([]));

        Assert.Null(settings.Upstream);
        Assert.Equal(GatewayStorage.Memory, settings.Storage);
        Assert.Equal("127.0.0.1:5080", Assert.Single(settings.Endpoints).ToString());
        Assert.NotNull(settings.DevelopmentToken);
        var caller = settings.Tokens.Authenticate(settings.DevelopmentToken);
        Assert.NotNull(caller);
        Assert.Equal(AccessScopes.Read | AccessScopes.Write | AccessScopes.Refund | AccessScopes.Admin, caller.Scopes);
        Assert.NotEqual(settings.DevelopmentToken, GatewaySettings.Read(Configure([])).DevelopmentToken);
    }

    [Fact]
    public void A_real_upstream_needs_its_credentials_and_tokens_and_each_missing_one_is_named()
    {
        var problems = Problems(new() { [GatewaySettings.BaseAddressKey] = "https://api.example/" });

        Assert.Contains(problems, p => p.StartsWith("NordeaConnect:MerchantId is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("NordeaConnect:ApiPassword is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("NordeaConnect:HashSecret is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Gateway:Tokens is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_real_configuration_is_accepted_and_keeps_secrets_out_of_its_text()
    {
        var settings = GatewaySettings.Read(Configure(new()
        {
            [GatewaySettings.BaseAddressKey] = "https://api.example/",
            [GatewaySettings.MerchantIdKey] = "3",
            [GatewaySettings.ApiPasswordKey] = "s3cret-password",
            [GatewaySettings.HashSecretKey] = "hash-secret",
            [GatewaySettings.StorageKey] = "postgres",
            [GatewaySettings.PostgresKey] = "Host=127.0.0.1;Username=u;Password=p;Database=d",
            // A real upstream: cleartext listeners only on loopback (TLS cases are in Trust/TrustSettingsTests).
            [GatewaySettings.UrlsKey] = "http://127.0.0.1:7000;http://[::1]:7001",
            ["Gateway:Tokens:0:Token"] = Token,
            ["Gateway:Tokens:0:Scopes"] = "read",
        }));

        Assert.Equal(GatewayStorage.Postgres, settings.Storage);
        Assert.Equal(2, settings.Endpoints.Count);
        Assert.Null(settings.DevelopmentToken);
        Assert.DoesNotContain("s3cret-password", settings.Upstream!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hash-secret", settings.Upstream.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GatewaySettings.StorageKey, "redis", "Gateway:Storage 'redis' is not a storage")]
    [InlineData(GatewaySettings.UrlsKey, "127.0.0.1:5080", "Gateway:Urls '127.0.0.1:5080'")]
    [InlineData(GatewaySettings.UrlsKey, "https://127.0.0.1:5080", "names an https:// address but Kestrel:Certificates:Default is not set")]
    [InlineData(GatewaySettings.UrlsKey, "http://gateway.internal:5080", "names host 'gateway.internal'")]
    [InlineData(GatewaySettings.MerchantIdKey, "3", "NordeaConnect:BaseAddress is not")]
    [InlineData(GatewaySettings.WebhookUrlsKey, "https://127.0.0.1:5081", "names an https:// address but Kestrel:Certificates:Default is not set")]
    [InlineData(GatewaySettings.WebhookUrlsKey, "http://127.0.0.1:0", "Gateway:WebhookUrls has port 0")]
    [InlineData(GatewaySettings.WebhookPublicUrlKey, "gateway.example/webhooks", "Webhooks:PublicUrl 'gateway.example/webhooks'")]
    [InlineData(GatewaySettings.WebhookPublicUrlKey, "https://gateway.example/webhooks?token=x", "Webhooks:PublicUrl")]
    [InlineData(GatewaySettings.WebhookRegisterKey, "sometimes", "Webhooks:RegisterTemplates 'sometimes' is not true or false")]
    public void A_wrong_setting_is_named_with_its_fix(string key, string value, string expected) =>
        Assert.Contains(Problems(new() { [key] = value }), p => p.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Postgres_storage_needs_a_usable_connection_string_without_echoing_it()
    {
        Assert.Contains(Problems(new() { [GatewaySettings.StorageKey] = "postgres" }), p => p.StartsWith("ConnectionStrings:Postgres is missing", StringComparison.Ordinal));
        var malformed = Problems(new() { [GatewaySettings.StorageKey] = "postgres", [GatewaySettings.PostgresKey] = "Password=hunter2;=broken" });
        Assert.Contains(malformed, p => p.StartsWith("ConnectionStrings:Postgres", StringComparison.Ordinal));
        Assert.DoesNotContain(malformed, p => p.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Token_problems_name_the_entry_but_never_the_token()
    {
        var problems = Problems(new()
        {
            ["Gateway:Tokens:0:Token"] = "short",
            ["Gateway:Tokens:0:Scopes"] = "read",
            ["Gateway:Tokens:1:Token"] = Token,
            ["Gateway:Tokens:2:Token"] = Token,
            ["Gateway:Tokens:2:Scopes"] = "read superuser",
            ["Gateway:Tokens:3:Scopes"] = "read",
        });

        Assert.Contains(problems, p => p.StartsWith("Gateway:Tokens:0:Token must be at least 16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Gateway:Tokens:1:Scopes is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("unknown scope 'superuser'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Gateway:Tokens:3:Token is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(Token, StringComparison.Ordinal) || p.Contains("short'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_token_twice_is_refused()
    {
        var problems = Problems(new()
        {
            ["Gateway:Tokens:0:Token"] = Token,
            ["Gateway:Tokens:0:Scopes"] = "read",
            ["Gateway:Tokens:1:Token"] = Token,
            ["Gateway:Tokens:1:Scopes"] = "write",
        });

        Assert.Contains(problems, p => p.StartsWith("Gateway:Tokens:1:Token repeats", StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_run_takes_webhooks_on_a_second_loopback_port_with_a_generated_secret_and_registers_templates_there()
    {
        var settings = GatewaySettings.Read(Configure([]));

        Assert.Equal("127.0.0.1:5081", Assert.Single(settings.Webhooks.Endpoints).ToString());
        Assert.Equal(new Uri("http://127.0.0.1:5081/webhooks/nordeaconnect"), settings.Webhooks.PublicUrl);
        Assert.True(settings.Webhooks.RegisterTemplates);
        Assert.False(GatewaySettings.Read(Configure(new() { [GatewaySettings.WebhookRegisterKey] = "false" })).Webhooks.RegisterTemplates);
        Assert.True(settings.Webhooks.SharedSecret is { Length: >= 16 });
        Assert.NotEqual(settings.Webhooks.SharedSecret, GatewaySettings.Read(Configure([])).Webhooks.SharedSecret);
    }

    [Fact]
    public void With_a_real_upstream_templates_are_registered_only_for_a_configured_public_url()
    {
        var upstream = new Dictionary<string, string?>
        {
            [GatewaySettings.BaseAddressKey] = "https://api.example/",
            [GatewaySettings.MerchantIdKey] = "3",
            [GatewaySettings.ApiPasswordKey] = "s3cret-password",
            [GatewaySettings.HashSecretKey] = "hash-secret",
            ["Gateway:Tokens:0:Token"] = Token,
            ["Gateway:Tokens:0:Scopes"] = "read",
        };
        var unregistered = GatewaySettings.Read(Configure(upstream)).Webhooks;
        Assert.Null(unregistered.PublicUrl);
        Assert.False(unregistered.RegisterTemplates);
        Assert.Null(unregistered.SharedSecret);

        upstream[GatewaySettings.WebhookPublicUrlKey] = "https://gateway.example/webhooks/nordeaconnect";
        upstream[GatewaySettings.WebhookSecretKey] = "a-webhook-secret-of-32-characters";
        var registered = GatewaySettings.Read(Configure(upstream)).Webhooks;
        Assert.Equal(new Uri("https://gateway.example/webhooks/nordeaconnect"), registered.PublicUrl);
        Assert.True(registered.RegisterTemplates);
        Assert.Equal("a-webhook-secret-of-32-characters", registered.SharedSecret);
    }

    [Fact]
    public void The_webhook_intake_cannot_share_the_grpc_port() =>
        Assert.Contains(
            Problems(new() { [GatewaySettings.UrlsKey] = "http://127.0.0.1:5090", [GatewaySettings.WebhookUrlsKey] = "http://127.0.0.1:5090" }),
            p => p.StartsWith("Gateway:WebhookUrls and Gateway:Urls both name 127.0.0.1:5090", StringComparison.Ordinal));

    [Fact]
    public void A_short_webhook_secret_is_refused_without_echoing_it()
    {
        var problems = Problems(new() { [GatewaySettings.WebhookSecretKey] = "tooshort" });

        Assert.Contains(problems, p => p.StartsWith("Webhooks:SharedSecret is 8 characters long", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("tooshort", StringComparison.Ordinal));
    }

    [Fact]
    public void An_orleans_port_another_process_holds_is_refused_at_start_rather_than_shared()
    {
        // Orleans listens with SO_REUSEPORT: a second node on the same ports would start and evict the first.
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var problems = Assert.Throws<GatewayConfigurationException>(() => GatewayOrleansSettings.Read(Configure(new()
        {
            [GatewayOrleansSettings.SiloPortKey] = port,
            [GatewayOrleansSettings.GatewayPortKey] = "0",
        }))).Problems;

        Assert.Equal($"Orleans:SiloPort {port} is already in use on this machine (another gateway node?): give each node on one host its own Orleans:SiloPort and Orleans:GatewayPort.", Assert.Single(problems));
    }

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<GatewayConfigurationException>(() => GatewaySettings.Read(Configure(values))).Problems;

    private static IConfiguration Configure(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
