using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Grains.Runtime.Diagnostics;
using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Turns_activations_and_storage_operations_are_counted_on_the_runtime_meter()
    {
        await using var node = TestNode.Create();
        var meter = node.Services.GetRequiredService<GrainRuntimeMetrics>().Meter;
        Assert.Equal("NordeaConnect.Grains.Runtime", meter.Name);
        var totals = new ConcurrentDictionary<string, double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => totals.AddOrUpdate(instrument.Name + ".count", 1, (_, sum) => sum + 1));
        listener.Start();

        var counter = node.Grains.GetGrain<ICounterGrain>("metered");
        for (var i = 0; i < 3; i++)
        {
            await counter.IncrementAsync();
        }

        await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within();
        listener.RecordObservableInstruments();

        Assert.Equal(3, totals["nordeaconnect.grains.turns"]);
        Assert.Equal(3, totals["nordeaconnect.grains.turn.duration.count"]);
        Assert.Equal(1, totals["nordeaconnect.grains.activations.created"]);
        Assert.Equal(1, totals["nordeaconnect.grains.activations.collected"]);
        Assert.Equal(4, totals["nordeaconnect.grains.storage.operations"]);
        Assert.Equal(3, totals["nordeaconnect.grains.mailbox.length"]);
        Assert.Equal(0, totals["nordeaconnect.grains.activations.live"]);
    }
}
