using Microsoft.Extensions.Configuration;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Tests.Hosting;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// The API password, hash secret, webhook secret and static tokens come from any configuration source: environment
/// variables, a key-per-file directory, user secrets in Development. The banner and the errors say which source set
/// each; no value is ever printed.
/// </summary>
public sealed class SecretSourcesTests : IDisposable
{
    private const string ApiPassword = "kpf-api-password-value-0001";
    private const string HashSecret = "kpf-hash-secret-value-00001";
    private const string WebhookSecret = "kpf-webhook-secret-value-01";
    private const string Token = "kpf-static-token-value-00001";

    private readonly string _directory = Directory.CreateTempSubdirectory("nc-trust-secrets-").FullName;

    [Fact]
    public void Secrets_from_a_key_per_file_directory_are_used_and_reported_by_source_without_values()
    {
        var secrets = Path.Combine(_directory, "secrets");
        Directory.CreateDirectory(secrets);
        File.WriteAllText(Path.Combine(secrets, "NordeaConnect__ApiPassword"), ApiPassword + "\n");
        File.WriteAllText(Path.Combine(secrets, "NordeaConnect__HashSecret"), HashSecret);
        File.WriteAllText(Path.Combine(secrets, "Webhooks__SharedSecret"), WebhookSecret);
        File.WriteAllText(Path.Combine(secrets, "Gateway__Tokens__0__Token"), Token);
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [GatewaySettings.BaseAddressKey] = "https://api.example/",
            [GatewaySettings.MerchantIdKey] = "3",
            ["Gateway:Tokens:0:Name"] = "checkout",
            ["Gateway:Tokens:0:Scopes"] = "read write",
            [GatewaySecretFiles.DirectoryKey] = secrets,
        });
        configuration.AddGatewaySecretFiles();

        var settings = GatewaySettings.Read(configuration);

        Assert.Equal(ApiPassword, settings.Upstream?.ApiPassword);
        Assert.Equal(HashSecret, settings.Upstream?.HashSecret);
        Assert.Equal(WebhookSecret, settings.Webhooks.SharedSecret);
        Assert.NotNull(settings.Tokens.Authenticate(Token));
        var banner = Banner(settings);
        Assert.Contains("NordeaConnect:ApiPassword: set, from key-per-file directory", banner, StringComparison.Ordinal);
        Assert.Contains("Webhooks:SharedSecret: set, from key-per-file directory", banner, StringComparison.Ordinal);
        Assert.Contains("Gateway:Tokens: 1 set (checkout) from key-per-file directory", banner, StringComparison.Ordinal);
        AssertNoValue(banner);
    }

    [Fact]
    public void Secrets_from_environment_variables_are_used_and_reported_by_source_without_values()
    {
        var prefix = "NCTRUST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        var variables = new Dictionary<string, string>
        {
            ["NordeaConnect__BaseAddress"] = "https://api.example/",
            ["NordeaConnect__MerchantId"] = "3",
            ["NordeaConnect__ApiPassword"] = ApiPassword,
            ["NordeaConnect__HashSecret"] = HashSecret,
            ["Gateway__Tokens__0__Token"] = Token,
            ["Gateway__Tokens__0__Scopes"] = "read",
        };
        try
        {
            foreach (var (key, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + key, value);
            }

            var settings = GatewaySettings.Read(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());

            Assert.Equal(ApiPassword, settings.Upstream?.ApiPassword);
            var banner = Banner(settings);
            Assert.Contains("NordeaConnect:HashSecret: set, from environment variables", banner, StringComparison.Ordinal);
            Assert.Contains("Webhooks:SharedSecret: not set", banner, StringComparison.Ordinal);
            AssertNoValue(banner);
        }
        finally
        {
            foreach (var key in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + key, null);
            }
        }
    }

    [Fact]
    public async Task The_main_command_reads_user_secrets_in_development_and_names_their_source_without_values()
    {
        // Where user secrets live when APPDATA is set: <APPDATA>/Microsoft/UserSecrets/<id>/secrets.json.
        var store = Path.Combine(_directory, "Microsoft", "UserSecrets", GatewayUserSecrets.Id);
        Directory.CreateDirectory(store);
        await File.WriteAllTextAsync(Path.Combine(store, "secrets.json"), $$"""
            { "NordeaConnect:BaseAddress": "https://api.example/", "NordeaConnect:MerchantId": "3",
              "NordeaConnect:ApiPassword": "{{ApiPassword}}", "NordeaConnect:HashSecret": "{{HashSecret}}" }
            """);

        // No token is configured, so the start stops with the list of problems and the secrets as read.
        var (exitCode, output, error) = await GatewayMainCommand.RunUntilExitAsync(new() { ["DOTNET_ENVIRONMENT"] = "Development", ["APPDATA"] = _directory });

        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("NordeaConnect:ApiPassword: set, from user secrets", error, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:HashSecret: set, from user secrets", error, StringComparison.Ordinal);
        AssertNoValue(output + error);
    }

    [Fact]
    public async Task The_main_command_reads_the_directory_an_environment_variable_names_and_refuses_a_missing_one()
    {
        var secrets = Path.Combine(_directory, "mounted");
        Directory.CreateDirectory(secrets);
        File.WriteAllText(Path.Combine(secrets, "NordeaConnect__ApiPassword"), ApiPassword);

        var (_, output, error) = await GatewayMainCommand.RunUntilExitAsync(new() { ["Gateway__SecretsDirectory"] = secrets, ["NordeaConnect__BaseAddress"] = "https://api.example/" });
        var (missingExit, _, missingError) = await GatewayMainCommand.RunUntilExitAsync(new() { ["Gateway__SecretsDirectory"] = Path.Combine(_directory, "absent") });

        Assert.Contains("NordeaConnect:ApiPassword: set, from key-per-file directory", error, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:HashSecret is missing", error, StringComparison.Ordinal);
        AssertNoValue(output + error);
        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, missingExit);
        Assert.Contains("Gateway:SecretsDirectory '", missingError, StringComparison.Ordinal);
    }

    private static string Banner(GatewaySettings settings)
    {
        using var text = new StringWriter();
        GatewayBanner.PrintTrust(text, settings);
        return text.ToString();
    }

    private static void AssertNoValue(string text)
    {
        foreach (var secret in new[] { ApiPassword, HashSecret, WebhookSecret, Token })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
