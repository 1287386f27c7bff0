using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// What the service takes from a webhook: the trigger, and which entity it is about. Nothing else in the payload is
/// trusted; the entity is read again from the API. <see cref="EventKey"/> identifies the delivery for deduplication:
/// a hash of trigger, entity and the exact body, so upstream's retries of one webhook are one event.
/// </summary>
public sealed record WebhookEvent(string EventKey, string Trigger, string EntityKind, long EntityId);

/// <summary>Where an event stands in the inbox. Applied and rejected are final.</summary>
public enum InboxState
{
    /// <summary>Accepted, not yet applied (the re-read failed so far); the inbox processor retries it.</summary>
    Pending,
    Applied,

    /// <summary>The entity does not exist upstream; the event changed nothing.</summary>
    Rejected,
}

/// <summary>The inbox's answer to an event: whether it is new, and the state it is in.</summary>
public sealed record InboxAdmission(bool IsNew, InboxState State, string? LastError);

/// <summary>An event waiting to be applied, with the attempts made so far and the trace context of the request that delivered it.</summary>
public sealed record PendingWebhookEvent(WebhookEvent Event, int Attempts, DeliveryTrace? Trace = null);
