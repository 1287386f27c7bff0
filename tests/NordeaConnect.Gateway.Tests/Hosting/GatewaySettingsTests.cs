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
            [GatewaySettings.UrlsKey] = "http://0.0.0.0:7000;http://[::1]:7001",
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
    [InlineData(GatewaySettings.UrlsKey, "https://127.0.0.1:5080", "Gateway:Urls 'https://127.0.0.1:5080'")]
    [InlineData(GatewaySettings.UrlsKey, "http://gateway.internal:5080", "names host 'gateway.internal'")]
    [InlineData(GatewaySettings.MerchantIdKey, "3", "NordeaConnect:BaseAddress is not")]
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

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> values) =>
        Assert.Throws<GatewayConfigurationException>(() => GatewaySettings.Read(Configure(values))).Problems;

    private static IConfiguration Configure(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
