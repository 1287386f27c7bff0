using System.Globalization;
using System.Text;

namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>
/// Writes snapshots in the Prometheus text exposition format 0.0.4: one <c># HELP</c> and <c># TYPE</c> per family,
/// label values escaped (backslash, double quote, line feed), histograms as cumulative <c>_bucket</c> lines ending in
/// <c>le="+Inf"</c>, then <c>_sum</c> and <c>_count</c>. Families are sorted by name, series by their labels.
/// </summary>
public static class PrometheusTextWriter
{
    /// <summary>The Content-Type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<InstrumentSnapshot> instruments)
    {
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(instruments, writer);
        return builder.ToString();
    }

    public static void Write(IEnumerable<InstrumentSnapshot> instruments, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(writer);
        var families = instruments
            .GroupBy(instrument => PrometheusNames.MetricName(instrument.Name, instrument.Unit, IsCounter(instrument)), StringComparer.Ordinal)
            .OrderBy(family => family.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var first = family.First();
            // Two instruments (say, of different meters) may share a name; one family may only have one type.
            var members = family.Where(instrument => TypeOf(instrument) == TypeOf(first)).ToArray();
            var series = members.SelectMany(static instrument => instrument.Series)
                .Select(snapshot => (Labels: LabelText(snapshot.Labels), Snapshot: snapshot))
                .OrderBy(static entry => entry.Labels, StringComparer.Ordinal)
                .ToArray();
            if (series.Length == 0)
            {
                continue;
            }

            var name = family.Key;
            var help = members.Select(static instrument => instrument.Description).FirstOrDefault(static d => !string.IsNullOrEmpty(d));
            writer.Write("# HELP ");
            writer.Write(name);
            writer.Write(' ');
            writer.Write(EscapeHelp(help ?? first.Name));
            writer.Write('\n');
            writer.Write("# TYPE ");
            writer.Write(name);
            writer.Write(' ');
            writer.Write(TypeOf(first));
            writer.Write('\n');
            foreach (var (labels, snapshot) in series)
            {
                if (first.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(writer, name, snapshot);
                }
                else
                {
                    WriteSample(writer, name, labels, snapshot.Value);
                }
            }
        }
    }

    /// <summary>A label value as it appears between the quotes.</summary>
    public static string EscapeLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>A number as the format spells it: shortest round-trip form, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static bool IsCounter(InstrumentSnapshot instrument) => instrument.Kind != MetricKind.Histogram && instrument.Monotonic;

    private static string TypeOf(InstrumentSnapshot instrument) => instrument.Kind switch
    {
        MetricKind.Histogram => "histogram",
        _ when instrument.Monotonic => "counter",
        _ => "gauge",
    };

    private static void WriteHistogram(TextWriter writer, string name, MetricSnapshot snapshot)
    {
        var bounds = snapshot.Bounds ?? [];
        var counts = snapshot.BucketCounts ?? [];
        long cumulative = 0;
        for (var i = 0; i < bounds.Count; i++)
        {
            cumulative += counts[i];
            WriteSample(writer, name + "_bucket", LabelText(snapshot.Labels, FormatValue(bounds[i])), cumulative);
        }

        WriteSample(writer, name + "_bucket", LabelText(snapshot.Labels, "+Inf"), snapshot.Count);
        var labels = LabelText(snapshot.Labels);
        WriteSample(writer, name + "_sum", labels, snapshot.Value);
        WriteSample(writer, name + "_count", labels, snapshot.Count);
    }

    private static void WriteSample(TextWriter writer, string name, string labels, double value)
    {
        writer.Write(name);
        writer.Write(labels);
        writer.Write(' ');
        writer.Write(FormatValue(value));
        writer.Write('\n');
    }

    private static string LabelText(IReadOnlyList<KeyValuePair<string, string>> labels, string? le = null)
    {
        if (labels.Count == 0 && le is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in labels)
        {
            AppendLabel(builder, PrometheusNames.LabelName(key), value, ref first);
        }

        if (le is not null)
        {
            AppendLabel(builder, "le", le, ref first);
        }

        return builder.Append('}').ToString();
    }

    private static void AppendLabel(StringBuilder builder, string name, string value, ref bool first)
    {
        if (!first)
        {
            builder.Append(',');
        }

        first = false;
        builder.Append(name).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
    }
}
