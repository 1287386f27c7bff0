using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.Diagnostics;

namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>Sums what one node's meter reports: counters by value, histograms by count (name + ".count").</summary>
internal sealed class MetricTotals : IDisposable
{
    private readonly ConcurrentDictionary<string, double> _totals = new();
    private readonly MeterListener _listener = new();

    public MetricTotals(TestNode node)
    {
        Meter = node.Services.GetRequiredService<GrainRuntimeMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => _totals.AddOrUpdate(instrument.Name + ".count", 1, (_, sum) => sum + 1));
        _listener.Start();
    }

    public Meter Meter { get; }

    public double this[string name] => _totals.GetValueOrDefault(name);

    public void RecordObservables() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();
}
