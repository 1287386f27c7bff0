using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Hosting;

/// <summary>The real main command, started as a process: a wrong setting stops it with a message saying which and how to fix it.</summary>
public sealed class MainCommandTests
{
    [Fact]
    public async Task A_real_upstream_without_credentials_stops_start_up_naming_each_missing_setting()
    {
        var (exitCode, output, error) = await GatewayMainCommand.RunUntilExitAsync(new()
        {
            ["NordeaConnect__BaseAddress"] = "https://api.example/",
            ["NordeaConnect__MerchantId"] = "3",
        });

        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("NordeaConnect:ApiPassword is missing", error, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect:HashSecret is missing", error, StringComparison.Ordinal);
        Assert.Contains("Gateway:Tokens is empty", error, StringComparison.Ordinal);
        Assert.Contains("NordeaConnect__MerchantId", error, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_storage_stops_start_up()
    {
        var (exitCode, _, error) = await GatewayMainCommand.RunUntilExitAsync(new() { ["Gateway__Storage"] = "postgres" });

        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("ConnectionStrings:Postgres is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_webhook_settings_stop_start_up_naming_each_setting_without_echoing_the_secret()
    {
        var (exitCode, _, error) = await GatewayMainCommand.RunUntilExitAsync(new()
        {
            ["Webhooks__SharedSecret"] = "short-secret",
            ["Webhooks__PublicUrl"] = "gateway.example/webhooks",
            ["Gateway__WebhookUrls"] = "127.0.0.1:5081",
        });

        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("Webhooks:SharedSecret is 12 characters long", error, StringComparison.Ordinal);
        Assert.Contains("Webhooks:PublicUrl 'gateway.example/webhooks'", error, StringComparison.Ordinal);
        Assert.Contains("Gateway:WebhookUrls '127.0.0.1:5081'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", error, StringComparison.Ordinal);
    }
}
