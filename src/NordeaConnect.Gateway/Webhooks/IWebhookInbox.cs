using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// The durable record of received webhook events. The intake answers 2xx only once an event is admitted here, so an
/// event upstream stops retrying is never lost; admitting the same event twice tells the intake it is a duplicate.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>
    /// Records <paramref name="webhookEvent"/> as pending unless its key is already known, with <paramref name="trace"/>
    /// (the intake request's W3C context) so that every later attempt continues the intake's trace.
    /// </summary>
    Task<InboxAdmission> AdmitAsync(WebhookEvent webhookEvent, DeliveryTrace? trace, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkAppliedAsync(string eventKey, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkRejectedAsync(string eventKey, DateTimeOffset now, string error, CancellationToken cancellationToken);

    Task MarkRetryAsync(string eventKey, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Pending events due by <paramref name="now"/>, each pushed to <paramref name="leaseUntil"/> so one processor takes it.</summary>
    Task<IReadOnlyList<PendingWebhookEvent>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Forgets finished events older than <paramref name="olderThan"/>; a duplicate arriving later is re-read again, which is harmless.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
