using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Notifications.Postgres;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>The trace context of the call that recorded a change is stored with its deliveries, and nothing else of the trace.</summary>
public sealed class DeliveryTraceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_delivery_keeps_the_trace_context_of_the_change_that_queued_it(bool postgres)
    {
        await using var database = new TestPostgres();
        PostgresNotificationStore? store = null;
        INotificationOutbox outbox;
        if (postgres)
        {
            store = new PostgresNotificationStore(TestPostgres.ConnectionString, database.NotificationSchema, TimeProvider.System);
            await store.MigrateAsync(NullLogger.Instance, CancellationToken.None);
            outbox = store;
        }
        else
        {
            outbox = new MemoryNotificationOutbox(TimeProvider.System);
        }

        try
        {
            var traced = EntityKey.ForTransaction(21);
            var untraced = EntityKey.ForTransaction(22);
            var receiver = new Uri("http://127.0.0.1:9/notify");
            await outbox.SubscribeAsync(traced, receiver, CancellationToken.None);
            await outbox.SubscribeAsync(untraced, receiver, CancellationToken.None);
            using var call = new Activity("a call that changes an entity").SetIdFormat(ActivityIdFormat.W3C);
            call.TraceStateString = "vendor=7f1c";
            call.AddBaggage("nordeaconnect.correlation_id", "kept-out-of-the-outbox");
            call.Start();

            outbox.Append(traced, 1, "created", _ => "{}", DeliveryTrace.Of(call));
            outbox.Append(untraced, 1, "created", _ => "{}", trace: null);

            var claimed = await outbox.ClaimDueAsync(DateTimeOffset.UtcNow.AddSeconds(1), DateTimeOffset.UtcNow.AddMinutes(1), 10, CancellationToken.None);
            var withTrace = Assert.Single(claimed, d => d.Key == traced);
            Assert.Equal(new DeliveryTrace(call.Id!, "vendor=7f1c"), withTrace.Trace);
            Assert.True(withTrace.Trace!.TryGetParent(out var parent));
            Assert.Equal(call.TraceId, parent.TraceId);
            Assert.Equal(call.SpanId, parent.SpanId);
            Assert.Null(Assert.Single(claimed, d => d.Key == untraced).Trace);
            Assert.Equal(withTrace.Trace, Assert.Single(await outbox.DeliveriesAsync(traced, CancellationToken.None)).Trace);
        }
        finally
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public void Only_a_w3c_context_is_taken_and_an_oversized_trace_state_is_dropped()
    {
        Assert.Null(DeliveryTrace.Of(null));
        using (var hierarchical = new Activity("old style").SetIdFormat(ActivityIdFormat.Hierarchical).Start())
        {
            Assert.Null(DeliveryTrace.Of(hierarchical));
        }

        using var w3c = new Activity("w3c").SetIdFormat(ActivityIdFormat.W3C);
        w3c.TraceStateString = "v=" + new string('a', DeliveryTrace.MaxTraceStateLength);
        w3c.Start();
        var trace = DeliveryTrace.Of(w3c);
        Assert.NotNull(trace);
        Assert.Equal(w3c.Id, trace.TraceParent);
        Assert.Null(trace.TraceState);
        Assert.False(new DeliveryTrace("not a traceparent", null).TryGetParent(out _));
    }
}
