using System.Diagnostics.Metrics;

namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>
/// Listens to the <see cref="Meter"/>s it is told to (by default every meter whose name starts with
/// <c>NordeaConnect</c>) and keeps their measurements in memory for <see cref="Collect"/>: counters summed,
/// histograms bucketed, observable instruments read at collection time. No exporter package needed.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    /// <summary>Meters of this prefix are collected by default: runtime, client, grains, gateway and sandbox.</summary>
    public const string DefaultMeterPrefix = "NordeaConnect";

    private readonly MeterListener _listener = new();
    private readonly Dictionary<Instrument, InstrumentAggregate> _aggregates = [];
    private readonly Lock _collectGate = new();

    public MetricsCollector()
        : this(static meter => meter.Name.StartsWith(DefaultMeterPrefix, StringComparison.Ordinal))
    {
    }

    public MetricsCollector(Func<Meter, bool> includeMeter)
    {
        ArgumentNullException.ThrowIfNull(includeMeter);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!includeMeter(instrument.Meter) || Describe(instrument) is not { } aggregate)
            {
                return;
            }

            lock (_aggregates)
            {
                _aggregates[instrument] = aggregate;
            }

            listener.EnableMeasurementEvents(instrument, aggregate);
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_aggregates)
            {
                _aggregates.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable instruments, then copies every series; instruments sorted by meter and name.</summary>
    public IReadOnlyList<InstrumentSnapshot> Collect()
    {
        // One collection at a time: observed series are cleared and refilled, which two scrapes must not interleave.
        lock (_collectGate)
        {
            InstrumentAggregate[] aggregates;
            lock (_aggregates)
            {
                aggregates = [.. _aggregates.Values];
            }

            foreach (var aggregate in aggregates)
            {
                aggregate.ClearObserved();
            }

            _listener.RecordObservableInstruments();
            return aggregates
                .Select(static aggregate => aggregate.Snapshot())
                .OrderBy(static snapshot => snapshot.MeterName, StringComparer.Ordinal)
                .ThenBy(static snapshot => snapshot.Name, StringComparer.Ordinal)
                .ToArray();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static InstrumentAggregate? Describe(Instrument instrument) => instrument switch
    {
        Histogram<double> histogram => new InstrumentAggregate(instrument, MetricKind.Histogram, false, histogram.Advice?.HistogramBucketBoundaries),
        Histogram<float> histogram => new InstrumentAggregate(instrument, MetricKind.Histogram, false, histogram.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b).ToArray()),
        Histogram<long> histogram => new InstrumentAggregate(instrument, MetricKind.Histogram, false, histogram.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b).ToArray()),
        Histogram<int> histogram => new InstrumentAggregate(instrument, MetricKind.Histogram, false, histogram.Advice?.HistogramBucketBoundaries?.Select(static b => (double)b).ToArray()),
        _ when IsGeneric(instrument, typeof(Counter<>)) => new InstrumentAggregate(instrument, MetricKind.Counter, true, null),
        _ when IsGeneric(instrument, typeof(UpDownCounter<>)) => new InstrumentAggregate(instrument, MetricKind.UpDownCounter, false, null),
        _ when IsGeneric(instrument, typeof(ObservableCounter<>)) => new InstrumentAggregate(instrument, MetricKind.LastValue, true, null),
        _ when IsGeneric(instrument, typeof(ObservableUpDownCounter<>)) || IsGeneric(instrument, typeof(ObservableGauge<>)) || IsGeneric(instrument, typeof(Gauge<>))
            => new InstrumentAggregate(instrument, MetricKind.LastValue, false, null),
        _ => null,
    };

    private static bool IsGeneric(Instrument instrument, Type definition)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == definition;
    }
}
