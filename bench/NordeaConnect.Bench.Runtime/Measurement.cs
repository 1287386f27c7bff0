using System.Diagnostics;

namespace NordeaConnect.Bench.Runtime;

/// <summary>Runs a workload for a fixed time per round, several rounds after a warm-up, and keeps the median.</summary>
internal static class Measurement
{
    public static async Task<double> MedianOperationsPerSecondAsync(Func<int, Task> batch, int batchSize, TimeSpan round, int rounds)
    {
        await RunForAsync(batch, batchSize, TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
        var results = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var (operations, elapsed) = await RunForAsync(batch, batchSize, round).ConfigureAwait(false);
            results.Add(operations / elapsed.TotalSeconds);
        }

        results.Sort();
        return results[results.Count / 2];
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
