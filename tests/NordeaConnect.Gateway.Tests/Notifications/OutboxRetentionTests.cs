using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Notifications.Postgres;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>Retention: old changes and finished deliveries go; the newest change of each entity and pending deliveries stay.</summary>
public sealed class OutboxRetentionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Purging_keeps_the_newest_change_and_every_pending_delivery(bool postgres)
    {
        await using var database = new TestPostgres();
        var time = new SteppedTime(DateTimeOffset.Parse("2030-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        PostgresNotificationStore? store = null;
        INotificationOutbox outbox;
        if (postgres)
        {
            store = new PostgresNotificationStore(TestPostgres.ConnectionString, database.NotificationSchema, time);
            await store.MigrateAsync(NullLogger.Instance, CancellationToken.None);
            // Applying again finds nothing to do.
            Assert.Equal(0, await store.MigrateAsync(NullLogger.Instance, CancellationToken.None));
            outbox = store;
        }
        else
        {
            outbox = new MemoryNotificationOutbox(time);
        }

        try
        {
            var watched = EntityKey.ForTransaction(11);
            var receiver = new Uri("http://127.0.0.1:9/notify");
            await outbox.SubscribeAsync(watched, receiver, CancellationToken.None);
            for (var v = 1; v <= 3; v++)
            {
                outbox.Append(watched, v, "updated", version => "{\"v\":" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}");
            }

            var claimed = await outbox.ClaimDueAsync(time.GetUtcNow(), time.GetUtcNow().AddMinutes(1), 10, CancellationToken.None);
            var head = Assert.Single(claimed);
            Assert.Equal(1, head.Version);
            await outbox.MarkDeliveredAsync(head.Id, time.GetUtcNow(), CancellationToken.None);

            time.Advance(TimeSpan.FromDays(8));
            await outbox.PurgeAsync(time.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);

            var kept = await outbox.ReadChangesAsync(watched, 0, 10, CancellationToken.None);
            Assert.Equal(3, Assert.Single(kept).Version);
            var deliveries = await outbox.DeliveriesAsync(watched, CancellationToken.None);
            Assert.Equal([2L, 3L], deliveries.Select(d => d.Version));
            Assert.All(deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
            // Numbering goes on after the purge.
            Assert.Equal(4, outbox.Append(watched, 1, "updated", _ => "{}"));
        }
        finally
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
    }

    private sealed class SteppedTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
