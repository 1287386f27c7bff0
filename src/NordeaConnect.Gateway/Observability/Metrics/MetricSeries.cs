namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>One label set of one instrument: a running value, or bucket counts with their sum.</summary>
internal sealed class MetricSeries(IReadOnlyList<KeyValuePair<string, string>> labels, double[]? bounds)
{
    private readonly object _gate = new();
    private readonly long[]? _bucketCounts = bounds is null ? null : new long[bounds.Length + 1];
    private double _value;
    private long _count;

    /// <summary>Labels sorted by name, values already turned into text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; } = labels;

    public void Add(double measurement)
    {
        lock (_gate)
        {
            _value += measurement;
        }
    }

    public void Set(double measurement)
    {
        lock (_gate)
        {
            _value = measurement;
        }
    }

    public void Observe(double measurement)
    {
        var index = Array.BinarySearch(bounds!, measurement);
        // A value equal to a bound belongs to that bound's bucket (le = less than or equal).
        var bucket = index >= 0 ? index : ~index;
        lock (_gate)
        {
            _bucketCounts![bucket]++;
            _value += measurement;
            _count++;
        }
    }

    public MetricSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new MetricSnapshot(Labels, _value, _count, bounds, _bucketCounts is null ? null : (long[])_bucketCounts.Clone());
        }
    }
}

/// <summary>A consistent copy of a series taken for one scrape. For histograms, <see cref="Value"/> is the sum.</summary>
public sealed record MetricSnapshot(
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    double Value,
    long Count,
    IReadOnlyList<double>? Bounds,
    IReadOnlyList<long>? BucketCounts);

/// <summary>An instrument and its series as of one scrape.</summary>
public sealed record InstrumentSnapshot(string MeterName, string Name, string? Unit, string? Description, MetricKind Kind, bool Monotonic, IReadOnlyList<MetricSnapshot> Series);
