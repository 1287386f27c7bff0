using System.Diagnostics;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Tests.Hosting;

/// <summary>The gateway's main command run as a process with the given environment, for settings that stop it at start.</summary>
internal static class GatewayMainCommand
{
    /// <summary>Runs until it exits (at most a minute: a command expected to stop at start that keeps running fails the test).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(Dictionary<string, string> environment)
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
            throw new TimeoutException("The gateway did not stop within a minute although its configuration should have stopped it.");
        }

        return (process.ExitCode, await output, await error);
    }
}
