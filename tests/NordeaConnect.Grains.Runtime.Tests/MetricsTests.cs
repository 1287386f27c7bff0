using NordeaConnect.Grains.Runtime.Tests.Grains;
using NordeaConnect.Grains.Runtime.Tests.Infrastructure;

namespace NordeaConnect.Grains.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Turns_activations_and_storage_operations_are_counted_on_the_runtime_meter()
    {
        await using var node = TestNode.Create();
        using var totals = new MetricTotals(node);
        Assert.Equal("NordeaConnect.Grains.Runtime", totals.Meter.Name);

        var counter = node.Grains.GetGrain<ICounterGrain>("metered");
        for (var i = 0; i < 3; i++)
        {
            await counter.IncrementAsync();
        }

        await node.Collector.CollectIdleAsync(TimeSpan.Zero).Within();
        totals.RecordObservables();

        Assert.Equal(3, totals["nordeaconnect.grains.turns"]);
        Assert.Equal(3, totals["nordeaconnect.grains.turn.duration.count"]);
        Assert.Equal(1, totals["nordeaconnect.grains.activations.created"]);
        Assert.Equal(1, totals["nordeaconnect.grains.activations.collected"]);
        Assert.Equal(4, totals["nordeaconnect.grains.storage.operations"]);
        Assert.Equal(4, totals["nordeaconnect.grains.storage.duration.count"]);
        Assert.Equal(3, totals["nordeaconnect.grains.mailbox.length"]);
        Assert.Equal(0, totals["nordeaconnect.grains.activations.live"]);
        Assert.Equal(0, totals["nordeaconnect.grains.mailbox.queued"]);
    }
}
