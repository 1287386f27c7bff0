using System.Diagnostics;

namespace NordeaConnect.Bench.Runtime;

/// <summary>
/// Runs workloads for a fixed time per round, several rounds after a warm-up, and keeps medians. Paired workloads
/// alternate round by round, so that both see the same machine noise, and their ratio is taken per round.
/// </summary>
internal static class Measurement
{
    public static async Task<double> MedianOperationsPerSecondAsync(Func<int, Task> batch, int batchSize, TimeSpan round, int rounds)
    {
        await RunForAsync(batch, batchSize, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        var results = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            results.Add(await RateAsync(batch, batchSize, round).ConfigureAwait(false));
        }

        return Median(results);
    }

    /// <summary>Medians of both rates and of the per-round ratio baseline rate / measured rate (the measured cost in baselines).</summary>
    public static async Task<(double Measured, double Baseline, double CostRatio)> MedianPairAsync(
        Func<int, Task> measured, Func<int, Task> baseline, int batchSize, TimeSpan round, int rounds)
    {
        await RunForAsync(measured, batchSize, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        await RunForAsync(baseline, batchSize, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        var measuredRates = new List<double>(rounds);
        var baselineRates = new List<double>(rounds);
        var ratios = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var measuredRate = await RateAsync(measured, batchSize, round / 2).ConfigureAwait(false);
            var baselineRate = await RateAsync(baseline, batchSize, round / 2).ConfigureAwait(false);
            measuredRates.Add(measuredRate);
            baselineRates.Add(baselineRate);
            ratios.Add(baselineRate / measuredRate);
        }

        return (Median(measuredRates), Median(baselineRates), Median(ratios));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task<double> RateAsync(Func<int, Task> batch, int batchSize, TimeSpan duration)
    {
        var (operations, elapsed) = await RunForAsync(batch, batchSize, duration).ConfigureAwait(false);
        return operations / elapsed.TotalSeconds;
    }

    private static async Task<(long Operations, TimeSpan Elapsed)> RunForAsync(Func<int, Task> batch, int batchSize, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        long operations = 0;
        while (stopwatch.Elapsed < duration)
        {
            await batch(batchSize).ConfigureAwait(false);
            operations += batchSize;
        }

        return (operations, stopwatch.Elapsed);
    }
}
