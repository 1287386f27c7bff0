using System.Diagnostics;
using NordeaConnect.Grains;

namespace NordeaConnect.Bench.Grains;

/// <summary>
/// The same work (a fixed number of callers, each awaiting one cached Get at a time) spread over different numbers of
/// live transaction grains, sizes measured in turn round by round so the machine's noise hits all alike: how the cost
/// of a call grows with the entities Orleans holds (directory lookups, cache misses), against one entity in the same run.
/// </summary>
internal static class EntityScaling
{
    /// <summary>Per size: the median rate, and the median of the per-round cost per call relative to the first size.</summary>
    public static async Task<IReadOnlyList<(int Entities, double CallsPerSecond, double CostVsFirst)>> MeasureAsync(
        IReadOnlyList<ITransactionGrain> grains, int[] sizes, int callers, TimeSpan round, int rounds)
    {
        // Far beyond the run's length: every call is served from the seeded state, none reaches upstream.
        var staleness = TimeSpan.FromHours(1);
        foreach (var size in sizes)
        {
            await CallsPerSecondAsync(grains, size, callers, TimeSpan.FromMilliseconds(500), staleness).ConfigureAwait(false);
        }

        var rates = sizes.Select(_ => new List<double>(rounds)).ToArray();
        var ratios = sizes.Select(_ => new List<double>(rounds)).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            var thisRound = new double[sizes.Length];
            for (var s = 0; s < sizes.Length; s++)
            {
                thisRound[s] = await CallsPerSecondAsync(grains, sizes[s], callers, round, staleness).ConfigureAwait(false);
                rates[s].Add(thisRound[s]);
                ratios[s].Add(thisRound[0] / thisRound[s]);
            }
        }

        return sizes.Select((size, s) => (size, Median(rates[s]), Median(ratios[s]))).ToArray();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task<double> CallsPerSecondAsync(IReadOnlyList<ITransactionGrain> grains, int size, int callers, TimeSpan duration, TimeSpan staleness)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(worker => Task.Run(async () =>
        {
            // Worker w walks entities w, w + callers, ... of the first `size`, so together they cycle through all of them.
            long calls = 0;
            var index = worker % size;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var read = await grains[index].GetAsync(staleness).ConfigureAwait(false);
                if (!read.Succeeded)
                {
                    throw new InvalidOperationException($"A cached read failed: {read.Code} {read.Description}");
                }

                calls++;
                index += callers;
                if (index >= size)
                {
                    index = worker % size;
                }
            }

            return calls;
        }))).ConfigureAwait(false);
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
