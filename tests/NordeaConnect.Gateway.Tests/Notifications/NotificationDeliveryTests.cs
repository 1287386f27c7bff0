using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Grains;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>The outbox and its dispatcher over real HTTP to receivers on 127.0.0.1, in memory and on PostgreSQL.</summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_receiver_down_for_a_while_gets_every_notification_in_order_per_entity(bool postgres)
    {
        await using var database = new TestPostgres();
        await using var receiver = await NotificationReceiver.StartAsync(ReceiverMode.Down);
        await using var host = await GatewayTestHost.StartAsync(_sandbox, postgres ? database : null);
        var entities = await SubscribeAsync(host, receiver.Url, count: 4);

        PublishVersions(host, entities, versions: 6);
        await WaitUntilAsync(() => receiver.Refused >= 4);
        receiver.Mode = ReceiverMode.Up;

        await receiver.WaitForAsync(got => got.Select(n => (n.Entity, n.Version)).Distinct().Count() == 24);
        AssertInOrderPerEntity(receiver.Accepted, entities, 6);
        Assert.All(receiver.Accepted, n => Assert.Equal("application/json; charset=utf-8", n.ContentType));
    }

    [Fact]
    public async Task Undelivered_notifications_resume_after_the_gateway_restarts_on_the_same_postgres()
    {
        await using var database = new TestPostgres();
        await using var receiver = await NotificationReceiver.StartAsync(ReceiverMode.Down);
        EntityKey[] entities;
        await using (var first = await GatewayTestHost.StartAsync(_sandbox, database))
        {
            entities = await SubscribeAsync(first, receiver.Url, count: 3);
            PublishVersions(first, entities, versions: 4);
            await WaitUntilAsync(() => receiver.Refused >= 3);
        }

        Assert.Empty(receiver.Accepted);
        receiver.Mode = ReceiverMode.Up;
        await using var second = await GatewayTestHost.StartAsync(_sandbox, database);

        await receiver.WaitForAsync(got => got.Select(n => (n.Entity, n.Version)).Distinct().Count() == 12);
        AssertInOrderPerEntity(receiver.Accepted, entities, 4);
        // The receiver answers before the outbox records the answer; wait for the records.
        foreach (var entity in entities)
        {
            await WaitUntilAsync(async () => (await second.Outbox.DeliveriesAsync(entity, CancellationToken.None)).All(d => d.State == DeliveryState.Delivered));
        }
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_hold_back_another_receiver()
    {
        await using var hanging = await NotificationReceiver.StartAsync(ReceiverMode.Hanging);
        await using var healthy = await NotificationReceiver.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(_sandbox, notifications: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.MaxConcurrencyPerReceiver = 1;
        });
        var entities = await SubscribeAsync(host, hanging.Url, count: 10);
        foreach (var entity in entities)
        {
            await host.Outbox.SubscribeAsync(entity, healthy.Url, CancellationToken.None);
        }

        PublishVersions(host, entities, versions: 3);

        await healthy.WaitForAsync(got => got.Select(n => (n.Entity, n.Version)).Distinct().Count() == 30);
        AssertInOrderPerEntity(healthy.Accepted, entities, 3);
        Assert.Empty(hanging.Accepted);
        var toHanging = (await Task.WhenAll(entities.Select(e => host.Outbox.DeliveriesAsync(e, CancellationToken.None))))
            .SelectMany(d => d).Where(d => d.Receiver == hanging.Url).ToArray();
        Assert.Equal(30, toHanging.Length);
        Assert.All(toHanging, d => Assert.Equal(DeliveryState.Pending, d.State));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_delivery_past_the_horizon_is_recorded_dead_and_the_next_version_still_goes(bool postgres)
    {
        await using var database = new TestPostgres();
        await using var receiver = await NotificationReceiver.StartAsync();
        receiver.FailingVersions.Add(1);
        await using var host = await GatewayTestHost.StartAsync(_sandbox, postgres ? database : null, notifications: o => o.GiveUpAfter = TimeSpan.FromMilliseconds(500));
        var entities = await SubscribeAsync(host, receiver.Url, count: 1);

        PublishVersions(host, entities, versions: 2);

        await receiver.WaitForAsync(got => got.Any(n => n.Version == 2));
        await WaitUntilAsync(async () => (await host.Outbox.DeliveriesAsync(entities[0], CancellationToken.None)).All(d => d.State != DeliveryState.Pending));
        var deliveries = await host.Outbox.DeliveriesAsync(entities[0], CancellationToken.None);
        var dead = Assert.Single(deliveries, d => d.Version == 1);
        Assert.Equal(DeliveryState.Dead, dead.State);
        Assert.True(dead.Attempts >= 1);
        Assert.Contains("HTTP 500", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Delivered, Assert.Single(deliveries, d => d.Version == 2).State);
        Assert.DoesNotContain(receiver.Accepted, n => n.Version == 1);
    }

    private static async Task<EntityKey[]> SubscribeAsync(GatewayTestHost host, Uri receiver, int count)
    {
        var entities = Enumerable.Range(0, count).Select(_ => EntityKey.ForSubscription(Random.Shared.NextInt64(1, long.MaxValue))).ToArray();
        foreach (var entity in entities)
        {
            await host.Outbox.SubscribeAsync(entity, receiver, CancellationToken.None);
        }

        return entities;
    }

    /// <summary>Announces versions 1..n of each entity through the gateway's change sink, as the subscriptions' grains do.</summary>
    private static void PublishVersions(GatewayTestHost host, EntityKey[] entities, int versions)
    {
        var changes = host.Services.GetRequiredService<IEntityChangeSink>();
        for (var v = 1; v <= versions; v++)
        {
            foreach (var entity in entities)
            {
                var status = "status-" + v.ToString(System.Globalization.CultureInfo.InvariantCulture);
                changes.Changed(entity.Id, new SubscriptionSnapshot { Id = entity.Id, Status = status, Change = new EntityChange(v, "updated") });
            }
        }
    }

    private static void AssertInOrderPerEntity(IReadOnlyList<ReceivedNotification> received, EntityKey[] entities, int versions)
    {
        foreach (var entity in entities)
        {
            var seen = received.Where(n => n.Entity == entity.ToString()).Select(n => n.Version).ToArray();
            // At least once: a repeat is possible, going back is not.
            Assert.Equal(Enumerable.Range(1, versions).Select(v => (long)v), seen.Distinct());
            Assert.True(seen.Zip(seen.Skip(1)).All(pair => pair.Second >= pair.First), entity + " arrived out of order: " + string.Join(",", seen));
            Assert.Contains("status-" + versions.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Last(n => n.Entity == entity.ToString()).Body, StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
