using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Notifications.Outbox;

/// <summary>
/// The outbox of a local run: one process, gone with it. Same contract as the PostgreSQL outbox, one lock around all
/// of it (the local run's load is a developer's).
/// </summary>
public sealed class MemoryNotificationOutbox(TimeProvider time) : INotificationOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<EntityKey, List<EntityChangeRecord>> _changes = [];
    private readonly Dictionary<EntityKey, List<Uri>> _subscribers = [];
    private readonly SortedDictionary<long, Entry> _deliveries = [];
    private long _nextDeliveryId;

    public long Append(EntityKey key, long proposedVersion, string reason, Func<long, string> messageFor, DeliveryTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(messageFor);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_changes.TryGetValue(key, out var changes))
            {
                changes = [];
                _changes[key] = changes;
            }

            var latest = changes.Count == 0 ? 0 : changes[^1].Version;
            var version = proposedVersion > latest ? proposedVersion : latest + 1;
            var messageJson = messageFor(version);
            changes.Add(new EntityChangeRecord(key, version, reason, messageJson, now));
            if (_subscribers.TryGetValue(key, out var receivers))
            {
                foreach (var receiver in receivers)
                {
                    var id = ++_nextDeliveryId;
                    _deliveries[id] = new Entry(new NotificationDelivery(id, receiver, key, version, messageJson, DeliveryState.Pending, 0, now, now, null, trace));
                }
            }

            return version;
        }
    }

    public Task<IReadOnlyList<EntityChangeRecord>> ReadChangesAsync(EntityKey key, long afterVersion, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<EntityChangeRecord> found = _changes.TryGetValue(key, out var changes)
                ? changes.Where(c => c.Version > afterVersion).Take(limit).ToArray()
                : [];
            return Task.FromResult(found);
        }
    }

    public Task<EntityChangeRecord?> LatestChangeAsync(EntityKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_changes.TryGetValue(key, out var changes) && changes.Count > 0 ? changes[^1] : null);
        }
    }

    public Task SubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(key, out var receivers))
            {
                receivers = [];
                _subscribers[key] = receivers;
            }

            if (!receivers.Contains(receiver))
            {
                receivers.Add(receiver);
            }
        }

        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(EntityKey key, Uri receiver, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(key, out var receivers))
            {
                receivers.Remove(receiver);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationDelivery>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        var claimed = new List<NotificationDelivery>();
        lock (_gate)
        {
            var seen = new HashSet<(Uri, EntityKey)>();
            // Ascending ids: the first pending entry met for a (receiver, entity) is its oldest version.
            foreach (var entry in _deliveries.Values)
            {
                var delivery = entry.Delivery;
                if (delivery.State != DeliveryState.Pending || !seen.Add((delivery.Receiver, delivery.Key)))
                {
                    continue;
                }

                if (entry.LeaseUntil > now || delivery.NextAttemptAt > now)
                {
                    continue;
                }

                entry.LeaseUntil = leaseUntil;
                claimed.Add(delivery);
                if (claimed.Count == limit)
                {
                    break;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<NotificationDelivery>>(claimed);
    }

    public Task ReleaseAsync(long deliveryId, CancellationToken cancellationToken) =>
        Update(deliveryId, entry => entry.LeaseUntil = DateTimeOffset.MinValue);

    public Task MarkDeliveredAsync(long deliveryId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Update(deliveryId, entry =>
        {
            entry.Delivery = entry.Delivery with { State = DeliveryState.Delivered, Attempts = entry.Delivery.Attempts + 1, LastError = null };
            entry.FinishedAt = at;
        });

    public Task MarkRetryAsync(long deliveryId, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        Update(deliveryId, entry =>
        {
            entry.Delivery = entry.Delivery with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = error };
            entry.LeaseUntil = DateTimeOffset.MinValue;
        });

    public Task MarkDeadAsync(long deliveryId, int attempts, DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        Update(deliveryId, entry =>
        {
            entry.Delivery = entry.Delivery with { State = DeliveryState.Dead, Attempts = attempts, LastError = error };
            entry.FinishedAt = at;
        });

    public Task<IReadOnlyList<NotificationDelivery>> DeliveriesAsync(EntityKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<NotificationDelivery> found = _deliveries.Values.Select(e => e.Delivery).Where(d => d.Key == key)
                .OrderBy(d => d.Receiver.AbsoluteUri, StringComparer.Ordinal).ThenBy(d => d.Version).ToArray();
            return Task.FromResult(found);
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var purged = 0;
        lock (_gate)
        {
            foreach (var changes in _changes.Values.Where(c => c.Count > 0))
            {
                // The newest change stays: it is what a resuming watcher compares its version against.
                var newest = changes[^1].Version;
                purged += changes.RemoveAll(c => c.CreatedAt < olderThan && c.Version != newest);
            }

            foreach (var id in _deliveries.Where(d => d.Value.FinishedAt is { } at && at < olderThan).Select(d => d.Key).ToArray())
            {
                _deliveries.Remove(id);
                purged++;
            }
        }

        return Task.FromResult(purged);
    }

    private Task Update(long deliveryId, Action<Entry> change)
    {
        lock (_gate)
        {
            if (_deliveries.TryGetValue(deliveryId, out var entry))
            {
                change(entry);
            }
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(NotificationDelivery delivery)
    {
        public NotificationDelivery Delivery { get; set; } = delivery;

        public DateTimeOffset LeaseUntil { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset? FinishedAt { get; set; }
    }
}
