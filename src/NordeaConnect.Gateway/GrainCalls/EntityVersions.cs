using System.Collections.Concurrent;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Operations;

namespace NordeaConnect.Gateway.GrainCalls;

/// <summary>
/// Counts the changes of each entity and announces them on the change feed. The first time this process touches an
/// entity its count starts from the newest version the outbox holds, so versions go on from where the previous
/// process (or another node) left them instead of restarting at 1. The outbox stays the authority: when another node
/// appended in the meantime it records the change under the next free version.
/// </summary>
public sealed class EntityVersions(IEntityChangeFeed feed, INotificationOutbox? outbox = null)
{
    private readonly ConcurrentDictionary<EntityKey, VersionCounter> _counters = new();

    /// <summary>The entity's version as of a read: its current count, or 1 the first time it is seen anywhere.</summary>
    public EntityChange Observed(EntityKey key)
    {
        var counter = Counter(key);
        lock (counter)
        {
            if (counter.Version == 0)
            {
                counter.Version = 1;
                counter.Reason = "refreshed";
            }

            return new EntityChange(counter.Version, counter.Reason);
        }
    }

    /// <summary>Counts a change and announces the new state; <paramref name="build"/> makes the state from its change info.</summary>
    public T Changed<T>(EntityKey key, string reason, Func<EntityChange, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var counter = Counter(key);
        // Numbering and publishing under one lock keeps the feed in version order for each entity.
        lock (counter)
        {
            counter.Version++;
            counter.Reason = reason;
            var state = build(new EntityChange(counter.Version, reason));
            feed.Publish(key, counter.Version, state);
            return state;
        }
    }

    private VersionCounter Counter(EntityKey key)
    {
        var counter = _counters.GetOrAdd(key, static _ => new VersionCounter());
        if (!counter.Seeded)
        {
            // Once per entity and process. Waiting here matches the outbox's synchronous append on the same path; the
            // in-memory outbox answers at once. Read outside the lock so a slow store holds no other caller of this entity's lock.
            var latest = outbox?.LatestChangeAsync(key, CancellationToken.None).GetAwaiter().GetResult();
            lock (counter)
            {
                if (!counter.Seeded)
                {
                    if (latest is not null && latest.Version > counter.Version)
                    {
                        counter.Version = latest.Version;
                        counter.Reason = latest.Reason;
                    }

                    counter.Seeded = true;
                }
            }
        }

        return counter;
    }

    private sealed class VersionCounter
    {
        public long Version { get; set; }

        public string Reason { get; set; } = "refreshed";

        public bool Seeded { get; set; }
    }
}
