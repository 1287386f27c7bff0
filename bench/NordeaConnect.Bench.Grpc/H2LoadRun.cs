using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NordeaConnect.Bench.Grpc;

/// <summary>One h2load run: throughput from its summary, p99 from its per-request log.</summary>
internal sealed partial record H2LoadRun(double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, int Succeeded, int Failed)
{
    public static async Task<H2LoadRun> ExecuteAsync(BenchSettings settings, Uri url, string bodyFile, int requests)
    {
        // The per-request log goes to tmpfs: on a disk-backed folder its writes cap h2load near 75k req/s.
        var logDirectory = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var logFile = Path.Combine(logDirectory, "h2load-" + Guid.NewGuid().ToString("N") + ".log");
        var start = new ProcessStartInfo(settings.H2Load)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", settings.Clients.ToString(CultureInfo.InvariantCulture),
            "-m", settings.Streams.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "-d", bodyFile,
            "--log-file", logFile,
            "-H", "content-type: application/grpc",
            "-H", "te: trailers",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in settings.Headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(name + ": " + value);
        }

        start.ArgumentList.Add(url.ToString());
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {settings.H2Load}.");
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"h2load exited with {process.ExitCode}: {errors}{output}");
            }

            return Parse(output, await File.ReadAllLinesAsync(logFile));
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    /// <summary>Reads "finished in 1.2s, 8130.08 req/s" and "N succeeded, M failed", and the log's elapsed µs column.</summary>
    internal static H2LoadRun Parse(string summary, IReadOnlyList<string> logLines)
    {
        var throughput = ThroughputPattern().Match(summary);
        var counts = CountsPattern().Match(summary);
        if (!throughput.Success || !counts.Success)
        {
            throw new InvalidOperationException("Unexpected h2load output (no throughput or request counts):\n" + summary);
        }

        // Log lines: start time (µs since run start), HTTP status, elapsed (µs); tab-separated.
        var latencies = logLines
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length >= 3 && parts[1] == "200")
            .Select(parts => long.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0)
            .Order()
            .ToArray();
        if (latencies.Length == 0)
        {
            throw new InvalidOperationException("h2load logged no successful requests:\n" + summary);
        }

        return new H2LoadRun(
            double.Parse(throughput.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            int.Parse(counts.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(counts.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    [GeneratedRegex(@"finished in [^,]+, ([0-9.]+) req/s")]
    private static partial Regex ThroughputPattern();

    [GeneratedRegex(@"(\d+) succeeded, (\d+) failed")]
    private static partial Regex CountsPattern();
}
