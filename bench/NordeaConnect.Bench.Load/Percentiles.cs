namespace NordeaConnect.Bench.Load;

/// <summary>Nearest-rank percentiles of latency samples, in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples to take a percentile of.", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values) => Of(values.ToArray(), 50);
}
