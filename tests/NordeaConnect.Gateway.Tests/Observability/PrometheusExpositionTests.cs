using System.Diagnostics.Metrics;
using NordeaConnect.Gateway.Observability.Metrics;

namespace NordeaConnect.Gateway.Tests.Observability;

public sealed class PrometheusExpositionTests : IDisposable
{
    private readonly Meter _meter = new("Test.Prometheus." + Guid.NewGuid().ToString("N"));
    private readonly MetricsCollector _collector;

    public PrometheusExpositionTests()
    {
        _collector = new MetricsCollector(meter => ReferenceEquals(meter, _meter));
    }

    [Fact]
    public void Writes_counters_gauges_and_histograms_exactly()
    {
        var requests = _meter.CreateCounter<long>("test.requests", "{request}", "Requests \\ served\nnow");
        requests.Add(2, new("method", "/a.B/C"), new("path", "quote\"back\\slash\nline"));
        requests.Add(3, new("path", "quote\"back\\slash\nline"), new("method", "/a.B/C"));
        requests.Add(1, new("method", "/a.B/D"), new("path", "plain"));
        var latency = _meter.CreateHistogram("test.latency", "s", "Latency", tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1] });
        latency.Record(0.25, new KeyValuePair<string, object?>("result", "000"));
        latency.Record(0.5, new KeyValuePair<string, object?>("result", "000"));
        latency.Record(4, new KeyValuePair<string, object?>("result", "000"));
        var depth = _meter.CreateUpDownCounter<int>("test.queue.depth", "{call}", "Queued");
        depth.Add(5);
        depth.Add(-2);
        _meter.CreateObservableGauge("test.temperature", () => new Measurement<double>(21.5, new KeyValuePair<string, object?>("room", "a")), "Cel", "Temp");

        var text = PrometheusTextWriter.Write(_collector.Collect());

        Assert.Equal(
            """
            # HELP test_latency_seconds Latency
            # TYPE test_latency_seconds histogram
            test_latency_seconds_bucket{result="000",le="0.5"} 2
            test_latency_seconds_bucket{result="000",le="1"} 2
            test_latency_seconds_bucket{result="000",le="+Inf"} 3
            test_latency_seconds_sum{result="000"} 4.75
            test_latency_seconds_count{result="000"} 3
            # HELP test_queue_depth Queued
            # TYPE test_queue_depth gauge
            test_queue_depth 3
            # HELP test_requests_total Requests \\ served\nnow
            # TYPE test_requests_total counter
            test_requests_total{method="/a.B/C",path="quote\"back\\slash\nline"} 5
            test_requests_total{method="/a.B/D",path="plain"} 1
            # HELP test_temperature_Cel Temp
            # TYPE test_temperature_Cel gauge
            test_temperature_Cel{room="a"} 21.5

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Observable_counters_are_counters_and_series_they_stop_reporting_disappear()
    {
        var report = true;
        _meter.CreateObservableCounter("test.bytes.sent", () => report ? [new Measurement<long>(1024, new KeyValuePair<string, object?>("peer", "x"))] : Array.Empty<Measurement<long>>(), "By", "Bytes sent");

        Assert.Equal("# HELP test_bytes_sent_bytes_total Bytes sent\n# TYPE test_bytes_sent_bytes_total counter\ntest_bytes_sent_bytes_total{peer=\"x\"} 1024\n", PrometheusTextWriter.Write(_collector.Collect()));
        report = false;
        Assert.Equal(string.Empty, PrometheusTextWriter.Write(_collector.Collect()));
    }

    [Fact]
    public void Histograms_without_advice_get_buckets_for_their_unit()
    {
        var turns = _meter.CreateHistogram<double>("test.turn.duration", "ms");
        turns.Record(0.3);

        var text = PrometheusTextWriter.Write(_collector.Collect());

        Assert.Contains("# HELP test_turn_duration_milliseconds test.turn.duration\n", text, StringComparison.Ordinal);
        Assert.Contains("test_turn_duration_milliseconds_bucket{le=\"0.25\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("test_turn_duration_milliseconds_bucket{le=\"0.5\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_turn_duration_milliseconds_bucket{le=\"10000\"} 1\n", text, StringComparison.Ordinal);
        Assert.EndsWith("test_turn_duration_milliseconds_bucket{le=\"+Inf\"} 1\ntest_turn_duration_milliseconds_sum 0.3\ntest_turn_duration_milliseconds_count 1\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nordeaconnect.grains.turn.duration", "ms", false, "nordeaconnect_grains_turn_duration_milliseconds")]
    [InlineData("nordeaconnect.client.request.duration", "s", false, "nordeaconnect_client_request_duration_seconds")]
    [InlineData("nordeaconnect.grains.turns", "{turn}", true, "nordeaconnect_grains_turns_total")]
    [InlineData("requests_total", null, true, "requests_total")]
    [InlineData("9lives-and spaces", "", false, "_9lives_and_spaces")]
    [InlineData("payload.size_bytes", "By", false, "payload_size_bytes")]
    public void Metric_names(string instrument, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusNames.MetricName(instrument, unit, counter));

    [Theory]
    [InlineData("grain.type", "grain_type")]
    [InlineData("__name", "tag__name")]
    [InlineData("1st", "_1st")]
    public void Label_names(string tag, string expected) => Assert.Equal(expected, PrometheusNames.LabelName(tag));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e21, "1E+21")]
    public void Values(double value, string expected) => Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }
}
