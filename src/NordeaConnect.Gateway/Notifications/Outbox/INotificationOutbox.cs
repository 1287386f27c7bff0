using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>
/// The durable record of entity changes and of who must hear about them. Appending a change also queues one delivery
/// per subscriber of that entity, in the same transaction, so a change is never recorded without its notifications.
/// Versions grow by one per entity and never repeat, across restarts and nodes.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>
    /// Records a change. <paramref name="proposedVersion"/> is the publisher's count; the outbox keeps it when it is
    /// newer than what it holds and otherwise takes the next free version (a publisher that restarted counts from 1).
    /// Synchronous because <see cref="IEntityChangeFeed.Publish{T}"/> is: the change is durable when this returns.
    /// </summary>
    /// <param name="messageFor">The message JSON for the version the outbox settled on (it carries its version).</param>
    /// <param name="trace">The trace context of the call that made the change, stored with each delivery it queues so the POSTs continue that trace; null starts them traces of their own.</param>
    /// <returns>The version stored.</returns>
    long Append(EntityKey key, long proposedVersion, string reason, Func<long, string> messageFor, DeliveryTrace? trace = null);

    /// <summary>Changes of <paramref name="key"/> newer than <paramref name="afterVersion"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<EntityChangeRecord>> ReadChangesAsync(EntityKey key, long afterVersion, int limit, CancellationToken cancellationToken);

    /// <summary>The newest change held for <paramref name="key"/>, or null when it has none.</summary>
    Task<EntityChangeRecord?> LatestChangeAsync(EntityKey key, CancellationToken cancellationToken);

    /// <summary>From now on every change of <paramref name="key"/> is POSTed to <paramref name="receiver"/>. Idempotent.</summary>
    Task SubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken);

    /// <summary>Stops notifying <paramref name="receiver"/> of new changes; queued deliveries still go out.</summary>
    Task UnsubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, each the oldest pending one of its (receiver, entity), none
    /// of whose (receiver, entity) is already claimed, leasing them until <paramref name="leaseUntil"/>. Only heads are
    /// handed out, which is what keeps version N+1 behind version N for each receiver and entity.
    /// </summary>
    Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Gives a claimed delivery back untouched (its queue was full).</summary>
    Task ReleaseAsync(long deliveryId, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try again.</summary>
    Task MarkRetryAsync(long deliveryId, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Gives up on a delivery; the next version for that receiver and entity may then go.</summary>
    Task MarkDeadAsync(long deliveryId, int attempts, DateTimeOffset at, string error, CancellationToken cancellationToken);

    /// <summary>Deliveries of <paramref name="key"/> in any state, by receiver and version (for inspection and tests).</summary>
    Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(EntityKey key, CancellationToken cancellationToken);

    /// <summary>Drops changes and finished deliveries older than <paramref name="olderThan"/>; pending deliveries and the newest change of each entity stay.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
