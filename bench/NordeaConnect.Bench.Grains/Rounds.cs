using System.Diagnostics;

namespace NordeaConnect.Bench.Grains;

/// <summary>
/// Paired workloads measured for a fixed time per round, alternating round by round so both see the same machine
/// noise, after a warm-up; medians of each rate and of the per-round ratio.
/// </summary>
internal static class Rounds
{
    public static async Task<(double Measured, double Baseline, double Ratio)> MedianPairAsync(
        Func<int, Task> measured, Func<int, Task> baseline, int batchSize, TimeSpan round, int rounds)
    {
        await RateAsync(measured, batchSize, TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        await RateAsync(baseline, batchSize, TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        var measuredRates = new List<double>(rounds);
        var baselineRates = new List<double>(rounds);
        var ratios = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var measuredRate = await RateAsync(measured, batchSize, round).ConfigureAwait(false);
            var baselineRate = await RateAsync(baseline, batchSize, round).ConfigureAwait(false);
            measuredRates.Add(measuredRate);
            baselineRates.Add(baselineRate);
            ratios.Add(measuredRate / baselineRate);
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
        var stopwatch = Stopwatch.StartNew();
        long operations = 0;
        while (stopwatch.Elapsed < duration)
        {
            await batch(batchSize).ConfigureAwait(false);
            operations += batchSize;
        }

        return operations / stopwatch.Elapsed.TotalSeconds;
    }
}
