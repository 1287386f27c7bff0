using System.Runtime;

namespace NordeaConnect.Bench.Grains;

/// <summary>
/// Managed heap held per live activation: a full, compacting collection (large object heap included) before and after
/// activating <c>count</c> grains in batches of 1,000, the delta divided by the count. Whatever the runtime allocates
/// for them (the grain, its state, Orleans' activation and directory entries) is in the delta; nothing the caller made
/// to activate them is still referenced when the heap is measured.
/// </summary>
internal static class ActivationMemory
{
    private const int Batch = 1_000;

    public static async Task<double> BytesPerActivationAsync(int count, Func<int, Task> activate)
    {
        var before = await SettledHeapAsync().ConfigureAwait(false);
        for (var start = 0; start < count; start += Batch)
        {
            var tasks = new Task[Math.Min(Batch, count - start)];
            for (var i = 0; i < tasks.Length; i++)
            {
                tasks[i] = activate(start + i);
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        var after = await SettledHeapAsync().ConfigureAwait(false);
        return (after - before) / (double)count;
    }

    /// <summary>The managed heap in use once the silo's own background work of the last calls has run and the GC has settled.</summary>
    private static async Task<long> SettledHeapAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
