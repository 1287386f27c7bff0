using System.Collections.Concurrent;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Operations;

namespace NordeaConnect.Gateway.GrainCalls;

/// <summary>
/// Counts the changes this gateway process made or saw per entity and announces them on the change feed. The
/// counts live in memory: they restart at 1 with the process, which a watcher sees as the current state sent again.
/// The durable outbox (a later issue) takes over the numbering so versions survive restarts and span nodes.
/// </summary>
public sealed class EntityVersions(IEntityChangeFeed feed)
{
    private readonly ConcurrentDictionary<EntityKey, VersionCounter> _counters = new();

    /// <summary>The entity's version as of a read: its current count, or 1 the first time it is seen.</summary>
    public EntityChange Observed(EntityKey key)
    {
        var counter = _counters.GetOrAdd(key, static _ => new VersionCounter());
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
        var counter = _counters.GetOrAdd(key, static _ => new VersionCounter());
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

    private sealed class VersionCounter
    {
        public long Version { get; set; }

        public string Reason { get; set; } = "refreshed";
    }
}
