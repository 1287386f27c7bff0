namespace NordeaConnect.Gateway.Observability.Metrics;

/// <summary>How an instrument's measurements are kept and which Prometheus type it is written as.</summary>
public enum MetricKind
{
    /// <summary>Measurements are added; written as a Prometheus counter (<c>_total</c>).</summary>
    Counter,

    /// <summary>Measurements are added and may go down; written as a gauge.</summary>
    UpDownCounter,

    /// <summary>The last value is kept (observable instruments and <c>Gauge&lt;T&gt;</c>); written as a gauge, or a counter for observable counters.</summary>
    LastValue,

    /// <summary>Measurements fall into cumulative buckets; written as a histogram.</summary>
    Histogram,
}
