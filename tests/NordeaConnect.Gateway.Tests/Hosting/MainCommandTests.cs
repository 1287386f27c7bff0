using System.Diagnostics;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Hosting;

/// <summary>The real main command, started as a process: a wrong setting stops it with a message saying which and how to fix it.</summary>
public sealed class MainCommandTests
{
    [Fact]
    public async Task A_real_upstream_without_credentials_stops_start_up_naming_each_missing_setting()
    {
        var (exitCode, output, error) = await RunGatewayAsync(new()
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
        var (exitCode, _, error) = await RunGatewayAsync(new() { ["Gateway__Storage"] = "postgres" });

        Assert.Equal(GatewayStartup.ConfigurationErrorExitCode, exitCode);
        Assert.Contains("ConnectionStrings:Postgres is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_webhook_settings_stop_start_up_naming_each_setting_without_echoing_the_secret()
    {
        var (exitCode, _, error) = await RunGatewayAsync(new()
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

    private static async Task<(int ExitCode, string Output, string Error)> RunGatewayAsync(Dictionary<string, string> environment)
    {
        var assembly = typeof(GatewaySettings).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The gateway did not stop within a minute although its configuration is wrong.");
        }

        return (process.ExitCode, await output, await error);
    }
}
