namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>
/// Upper bounds of histogram buckets. An instrument's own advice wins; otherwise the unit decides, so durations in
/// seconds and in milliseconds both get buckets from 100 µs to 10 s, and counts get powers of two.
/// </summary>
public static class HistogramBuckets
{
    public static IReadOnlyList<double> Seconds { get; } =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IReadOnlyList<double> Milliseconds { get; } =
        [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    public static IReadOnlyList<double> Counts { get; } = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    /// <summary>The bounds for an instrument of <paramref name="unit"/>, unless <paramref name="advised"/> gives some.</summary>
    public static double[] For(string? unit, IReadOnlyList<double>? advised)
    {
        var bounds = advised is { Count: > 0 } ? advised : unit switch
        {
            "s" => Seconds,
            "ms" => Milliseconds,
            _ => Counts,
        };

        var sorted = bounds.Where(bound => !double.IsNaN(bound) && !double.IsPositiveInfinity(bound)).Distinct().ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
