using System.Globalization;
using System.Text;

namespace NordeaConnect.Bench.Grpc;

/// <summary>Medians over the rounds of both contenders, and their ratios, as a markdown table.</summary>
internal static class ComparisonReport
{
    public static string Render(string subject, string baselineName, BenchSettings settings, IReadOnlyList<H2LoadRun> baseline, IReadOnlyList<H2LoadRun> measured)
    {
        // Ratios are taken per round (the two runs of a round are back to back) and then their median, which
        // cancels most of the drift of a shared machine; the absolute medians are shown for scale.
        var rpsRatio = Median(baseline.Zip(measured, (b, m) => m.RequestsPerSecond / b.RequestsPerSecond));
        var p50Ratio = Median(baseline.Zip(measured, (b, m) => m.P50Milliseconds / b.P50Milliseconds));
        var p99Ratio = Median(baseline.Zip(measured, (b, m) => m.P99Milliseconds / b.P99Milliseconds));
        var baseRps = Median(baseline.Select(r => r.RequestsPerSecond));
        var layerRps = Median(measured.Select(r => r.RequestsPerSecond));
        var baseP50 = Median(baseline.Select(r => r.P50Milliseconds));
        var layerP50 = Median(measured.Select(r => r.P50Milliseconds));
        var baseP99 = Median(baseline.Select(r => r.P99Milliseconds));
        var layerP99 = Median(measured.Select(r => r.P99Milliseconds));
        var text = new StringBuilder();
        var against = baselineName == "bare Kestrel" ? "bare Kestrel h2c handler (same response bytes)" : baselineName;
        text.AppendLine(CultureInfo.InvariantCulture, $"### {subject} vs {against}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"h2load: {settings.Requests} requests x {settings.Rounds} rounds, {settings.Clients} connections, {settings.Streams} concurrent streams each; medians over rounds, run order alternated.");
        text.AppendLine();
        // bench/run.sh reads the rows by their first cell, so the header may name whichever baseline was measured.
        text.AppendLine(CultureInfo.InvariantCulture, $"| metric | {baselineName} (median) | measured (median) | ratio measured / baseline (median of rounds) |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(Row("throughput (req/s)", baseRps, layerRps, rpsRatio, "F0"));
        text.AppendLine(Row("p50 latency (ms)", baseP50, layerP50, p50Ratio, "F3"));
        text.AppendLine(Row("p99 latency (ms)", baseP99, layerP99, p99Ratio, "F3"));
        return text.ToString();
    }

    private static string Row(string name, double baseline, double measured, double ratio, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {baseline.ToString(format, CultureInfo.InvariantCulture)} | {measured.ToString(format, CultureInfo.InvariantCulture)} | {ratio:F2} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
