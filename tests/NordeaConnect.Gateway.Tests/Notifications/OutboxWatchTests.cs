using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Grains.V1;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>Watch over the outbox: resuming with after_version replays what the outbox holds, across a restart.</summary>
public sealed class OutboxWatchTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_watcher_resuming_after_a_restart_gets_every_version_after_the_one_it_saw_then_new_ones()
    {
        await using var database = new TestPostgres();
        var entity = EntityKey.ForSubscription(Random.Shared.NextInt64(1, long.MaxValue));
        await using (var first = await GatewayTestHost.StartAsync(_sandbox, database))
        {
            Publish(first, entity, 1, 5);
        }

        await using var second = await GatewayTestHost.StartAsync(_sandbox, database);
        var stream = new RecordingStreamWriter<SubscriptionResponse>();
        using var hangUp = new CancellationTokenSource();
        var watch = second.Watcher.RunAsync(
            entity,
            afterVersion: 2,
            _ => throw new InvalidOperationException("the outbox holds this entity; the current state is not read"),
            r => r.Subscription.Change.Version,
            stream,
            hangUp.Token);

        await stream.WaitForAsync(w => w.Count == 3);
        Assert.Equal([3L, 4L, 5L], stream.Written.Select(r => r.Subscription.Change.Version));
        Assert.Equal(["status-3", "status-4", "status-5"], stream.Written.Select(r => r.Subscription.Status));

        // A grain whose in-memory state was lost counts from 1 again; the outbox keeps the versions going up.
        Publish(second, entity, 6, 6, counted: 1);
        await stream.WaitForAsync(w => w.Count == 4);
        Assert.Equal(6, stream.Written[3].Subscription.Change.Version);
        Assert.Equal("status-6", stream.Written[3].Subscription.Status);

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch);
    }

    /// <summary>Announces versions <paramref name="from"/>..<paramref name="to"/> as a subscription's grain does (counted from <paramref name="counted"/> when given).</summary>
    private static void Publish(GatewayTestHost host, EntityKey entity, int from, int to, int? counted = null)
    {
        var changes = host.Services.GetRequiredService<IEntityChangeSink>();
        for (var v = from; v <= to; v++)
        {
            var status = "status-" + v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            changes.Changed(entity.Id, new SubscriptionSnapshot { Id = entity.Id, Status = status, Change = new EntityChange(counted ?? v, "updated") });
        }
    }
}
