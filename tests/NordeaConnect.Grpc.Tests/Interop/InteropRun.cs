using System.Diagnostics;
using System.Text;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>Runs an interop client to completion and collects its "PASS name" / "FAIL name: why" lines.</summary>
public sealed record InteropRun(int ExitCode, IReadOnlyDictionary<string, string> Scenarios, string Output, string StandardOutput, string StandardError)
{
    public static async Task<InteropRun> RunAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Proxies in the environment would route 127.0.0.1 calls of the grpc clients away from the test server.
        foreach (var name in new[] { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "grpc_proxy", "all_proxy", "ALL_PROXY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["no_proxy"] = "127.0.0.1,localhost";

        using var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}; output so far: {await stdout}{await stderr}");
        }

        var output = await stdout;
        var scenarios = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[0] is "PASS" or "FAIL")
            {
                var name = parts[1].Split(':', 2)[0];
                scenarios[name] = line;
            }
        }

        var errors = await stderr;
        var all = new StringBuilder().Append(output).AppendLine("--- stderr ---").Append(errors).ToString();
        return new InteropRun(process.ExitCode, scenarios, all, output, errors);
    }
}
