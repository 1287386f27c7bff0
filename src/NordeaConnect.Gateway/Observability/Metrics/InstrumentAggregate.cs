using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>Everything recorded on one instrument, by label set.</summary>
internal sealed class InstrumentAggregate
{
    private readonly ConcurrentDictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private readonly double[]? _bounds;

    public InstrumentAggregate(Instrument instrument, MetricKind kind, bool monotonic, IReadOnlyList<double>? advisedBounds)
    {
        Instrument = instrument;
        Kind = kind;
        Monotonic = monotonic;
        _bounds = kind == MetricKind.Histogram ? HistogramBuckets.For(instrument.Unit, advisedBounds) : null;
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    /// <summary>True for counters, whose Prometheus type is counter even when observed.</summary>
    public bool Monotonic { get; }

    public void Record(double measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = SeriesFor(tags);
        switch (Kind)
        {
            case MetricKind.Histogram:
                series.Observe(measurement);
                break;
            case MetricKind.LastValue:
                series.Set(measurement);
                break;
            default:
                series.Add(measurement);
                break;
        }
    }

    /// <summary>Forgets observed series, so a label set an observable callback no longer reports disappears.</summary>
    public void ClearObserved()
    {
        if (Instrument.IsObservable)
        {
            _series.Clear();
        }
    }

    public InstrumentSnapshot Snapshot() => new(
        Instrument.Meter.Name,
        Instrument.Name,
        Instrument.Unit,
        Instrument.Description,
        Kind,
        Monotonic,
        _series.Values.Select(series => series.Snapshot()).ToArray());

    private MetricSeries SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new KeyValuePair<string, string>(tags[i].Key, Convert.ToString(tags[i].Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u0001', labels.Select(static label => label.Key + "\u0002" + label.Value));
        if (_series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        return _series.GetOrAdd(key, static (_, state) => new MetricSeries(state.Labels, state.Bounds), (Labels: labels, Bounds: _bounds));
    }
}
