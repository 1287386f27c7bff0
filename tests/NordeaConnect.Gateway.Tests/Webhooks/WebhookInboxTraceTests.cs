using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Notifications.Postgres;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Tests.Webhooks;

/// <summary>The trace context of the request that delivered a webhook is stored with its inbox entry, and nothing else of the trace.</summary>
public sealed class WebhookInboxTraceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Each_inbox_entry_keeps_the_trace_context_of_the_request_that_delivered_it(bool postgres)
    {
        await using var database = new TestPostgres();
        PostgresNotificationStore? store = null;
        IWebhookInbox inbox;
        if (postgres)
        {
            store = new PostgresNotificationStore(TestPostgres.ConnectionString, database.NotificationSchema, TimeProvider.System);
            await store.MigrateAsync(NullLogger.Instance, CancellationToken.None);
            inbox = store;
        }
        else
        {
            inbox = new MemoryWebhookInbox();
        }

        try
        {
            using var intake = new Activity("a webhook's intake request").SetIdFormat(ActivityIdFormat.W3C);
            intake.TraceStateString = "vendor=7f1c";
            intake.AddBaggage("nordeaconnect.correlation_id", "kept-out-of-the-inbox");
            intake.Start();
            var now = DateTimeOffset.UtcNow;
            var traced = new WebhookEvent("traced-" + Guid.NewGuid().ToString("N"), "payment_success", "transaction", 31);
            var untraced = new WebhookEvent("untraced-" + Guid.NewGuid().ToString("N"), "payment_success", "transaction", 32);

            Assert.True((await inbox.AdmitAsync(traced, DeliveryTrace.Of(intake), now, CancellationToken.None)).IsNew);
            Assert.True((await inbox.AdmitAsync(untraced, trace: null, now, CancellationToken.None)).IsNew);
            // Upstream's retry of the same delivery arrives in a trace of its own; the entry keeps the first one's.
            Assert.False((await inbox.AdmitAsync(traced, new DeliveryTrace("00-" + new string('1', 32) + "-" + new string('2', 16) + "-01", null), now, CancellationToken.None)).IsNew);
            // Past the intake's lease, after a failed first attempt: what the processor claims carries the context.
            await inbox.MarkRetryAsync(traced.EventKey, 1, now, "upstream 503", CancellationToken.None);
            var claimed = await inbox.ClaimDueAsync(now.AddMinutes(2), now.AddMinutes(3), 10, CancellationToken.None);

            var withTrace = Assert.Single(claimed, e => e.Event.EventKey == traced.EventKey);
            Assert.Equal(new DeliveryTrace(intake.Id!, "vendor=7f1c"), withTrace.Trace);
            Assert.Equal(1, withTrace.Attempts);
            Assert.True(withTrace.Trace!.TryGetParent(out var parent));
            Assert.Equal(intake.TraceId, parent.TraceId);
            Assert.Equal(intake.SpanId, parent.SpanId);
            Assert.Null(Assert.Single(claimed, e => e.Event.EventKey == untraced.EventKey).Trace);
        }
        finally
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
    }
}
