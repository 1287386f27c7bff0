using System.Globalization;
using System.Text;

namespace NordeaConnect.Bench.Grpc;

/// <summary>Medians over the rounds of both contenders, and their ratios (median and range over rounds), as a markdown table.</summary>
internal static class ComparisonReport
{
    public static string Render(string subject, string baselineName, BenchSettings settings, IReadOnlyList<H2LoadRun> baseline, IReadOnlyList<H2LoadRun> measured)
    {
        // Ratios are taken per round (the two runs of a round are back to back) and then their median, which
        // cancels most of the drift of a shared machine; the absolute medians are shown for scale.
        var rpsRatios = baseline.Zip(measured, (b, m) => m.RequestsPerSecond / b.RequestsPerSecond).ToArray();
        var p50Ratios = baseline.Zip(measured, (b, m) => m.P50Milliseconds / b.P50Milliseconds).ToArray();
        var p99Ratios = baseline.Zip(measured, (b, m) => m.P99Milliseconds / b.P99Milliseconds).ToArray();
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
        // The range of the per-round ratios is the spread: a median inside a wide range is noise, not a cost.
        text.AppendLine(CultureInfo.InvariantCulture, $"| metric | {baselineName} (median) | measured (median) | ratio measured / baseline (median of rounds) | ratio range over rounds (min-max) |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(Row("throughput (req/s)", baseRps, layerRps, rpsRatios, "F0"));
        text.AppendLine(Row("p50 latency (ms)", baseP50, layerP50, p50Ratios, "F3"));
        text.AppendLine(Row("p99 latency (ms)", baseP99, layerP99, p99Ratios, "F3"));
        return text.ToString();
    }

    private static string Row(string name, double baseline, double measured, IReadOnlyCollection<double> ratios, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {baseline.ToString(format, CultureInfo.InvariantCulture)} | {measured.ToString(format, CultureInfo.InvariantCulture)} | {Median(ratios):F2} | {ratios.Min():F2}-{ratios.Max():F2} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
