using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Runtime;

namespace NordeaConnect.Grains.Diagnostics;

/// <summary>
/// The grains' instruments, under the meter <c>NordeaConnect.Grains</c>: cache lookups by grain type and result,
/// reconciliations by verdict, the journal entries in doubt (count and age of the oldest) on this node, and those found
/// in doubt at activation.
/// The grain type label is Orleans' name of the grain type (<c>transaction</c>, <c>subscription</c>, ...): a bounded set.
/// </summary>
public static class GrainMetrics
{
    public const string MeterName = "NordeaConnect.Grains";

    /// <summary>The <c>result</c> of a cache lookup: served from the grain's state, or read upstream.</summary>
    public const string Hit = "hit";

    public const string Miss = "miss";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "nordeaconnect.grains.cache.lookups", "{lookup}", "Reads of a grain's cached upstream state, by grain type and result (hit: fresh enough to serve; miss: read upstream).");

    private static readonly Counter<long> Reconciliations = Meter.CreateCounter<long>(
        "nordeaconnect.grains.journal.reconciliations", "{reconciliation}", "Journal entries in doubt judged by reading upstream, by grain type and verdict (done, not_done, unreadable: upstream could not be read, it stays in doubt).");

    private static readonly Counter<long> FoundAtActivation = Meter.CreateCounter<long>(
        "nordeaconnect.grains.journal.in_doubt_at_activation", "{entry}", "Journal entries found in doubt when their grain activated (e.g. on a survivor taking over a crashed node's grains), by grain type, counted before reconciliation settles them: every rise of the in-doubt gauge at an activation, however brief.");

    /// <summary>Entries in doubt per grain known to this node, with the start of the oldest; a grain with none is absent.</summary>
    private static readonly ConcurrentDictionary<string, InDoubt> InDoubtByGrain = new(StringComparer.Ordinal);

    /// <summary>Grain types that have had entries in doubt, so the gauge reports their return to zero.</summary>
    private static readonly ConcurrentDictionary<string, byte> SeenTypes = new(StringComparer.Ordinal);

    static GrainMetrics()
    {
        Meter.CreateObservableGauge(
            "nordeaconnect.grains.journal.in_doubt",
            ObserveInDoubtCount,
            "{entry}",
            "Journal entries whose upstream outcome is unknown (a lost answer, or a call a crash interrupted), by grain type, on grains active on this node or waiting for their reminder.");
        Meter.CreateObservableGauge(
            "nordeaconnect.grains.journal.in_doubt.oldest_age",
            ObserveInDoubtAge,
            "s",
            "Age of the oldest journal entry in doubt, by grain type; absent when none is in doubt.");
    }

    /// <summary>Counts one cache lookup of <paramref name="grain"/>; returns <paramref name="fresh"/> so a check can be wrapped in place.</summary>
    public static bool CacheLookup(IGrainBase grain, bool fresh)
    {
        ArgumentNullException.ThrowIfNull(grain);
        CacheLookups.Add(1, new KeyValuePair<string, object?>("grain.type", TypeOf(grain)), new KeyValuePair<string, object?>("result", fresh ? Hit : Miss));
        return fresh;
    }

    /// <summary>Counts one reconciliation by <paramref name="grain"/>.</summary>
    /// <param name="verdict"><c>done</c>, <c>not_done</c> or <c>unreadable</c>.</param>
    public static void Reconciled(IGrainBase grain, string verdict) =>
        Reconciliations.Add(1, new KeyValuePair<string, object?>("grain.type", TypeOf(grain)), new KeyValuePair<string, object?>("verdict", verdict));

    /// <summary>
    /// Records what <paramref name="grain"/> holds in doubt now: <paramref name="startedAt"/> are the start times of
    /// its entries in doubt (empty clears it). Called wherever the journal is saved or settled.
    /// </summary>
    public static void InDoubtNow(IGrainBase grain, IEnumerable<DateTimeOffset> startedAt)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(startedAt);
        var key = grain.GrainContext.GrainId.ToString();
        var count = 0;
        var oldest = DateTimeOffset.MaxValue;
        foreach (var at in startedAt)
        {
            count++;
            oldest = at < oldest ? at : oldest;
        }

        if (count == 0)
        {
            InDoubtByGrain.TryRemove(key, out _);
        }
        else
        {
            InDoubtByGrain[key] = new InDoubt(TypeOf(grain), count, oldest);
        }
    }

    /// <summary>
    /// Records what <paramref name="grain"/> found in doubt as it activated, before reconciliation settles any of it:
    /// the gauge holds them (until the settling pass records what is left) and the companion counter counts them, so
    /// a rise that lasts only as long as one reconciliation is still seen.
    /// </summary>
    public static void FoundInDoubtAtActivation(IGrainBase grain, IReadOnlyCollection<DateTimeOffset> startedAt)
    {
        ArgumentNullException.ThrowIfNull(startedAt);
        if (startedAt.Count == 0)
        {
            return;
        }

        InDoubtNow(grain, startedAt);
        FoundAtActivation.Add(startedAt.Count, new KeyValuePair<string, object?>("grain.type", TypeOf(grain)));
    }

    private static string TypeOf(IGrainBase grain) => grain.GrainContext.GrainId.Type.ToString() ?? "unknown";

    private static IEnumerable<Measurement<long>> ObserveInDoubtCount()
    {
        // Types with nothing in doubt report 0, so a rise and the return to zero are both visible.
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in SeenTypes.Keys)
        {
            byType[type] = 0;
        }

        foreach (var entry in InDoubtByGrain.Values)
        {
            byType[entry.GrainType] = byType.GetValueOrDefault(entry.GrainType) + entry.Count;
            SeenTypes.TryAdd(entry.GrainType, 0);
        }

        return byType.Select(static pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("grain.type", pair.Key)));
    }

    private static IEnumerable<Measurement<double>> ObserveInDoubtAge()
    {
        var now = DateTimeOffset.UtcNow;
        return InDoubtByGrain.Values
            .GroupBy(static entry => entry.GrainType, StringComparer.Ordinal)
            .Select(group => new Measurement<double>(
                Math.Max(0, (now - group.Min(static entry => entry.OldestStartedAt)).TotalSeconds),
                new KeyValuePair<string, object?>("grain.type", group.Key)));
    }

    private sealed record InDoubt(string GrainType, int Count, DateTimeOffset OldestStartedAt);
}
