using System.Collections.Concurrent;

namespace NordeaConnect.Gateway.Changes;

/// <summary>The change feed of one gateway process (see <see cref="IEntityChangeFeed"/> for what it does not do).</summary>
public sealed class InProcessEntityChangeFeed : IEntityChangeFeed
{
    /// <summary>Notices a watcher may fall behind by before the oldest are dropped.</summary>
    public const int WatcherCapacity = 64;

    private readonly ConcurrentDictionary<EntityKey, ImmutableWatchers> _watchers = new();

    public int WatcherCount => _watchers.Values.Sum(w => w.Items.Length);

    public void Publish<T>(EntityKey key, long version, T snapshot)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_watchers.TryGetValue(key, out var watchers))
        {
            return;
        }

        var notice = new EntityChangeNotice<T>(version, snapshot);
        foreach (var watcher in watchers.Items)
        {
            if (watcher is EntityChangeSubscription<T> typed)
            {
                typed.Offer(notice);
            }
        }
    }

    public EntityChangeSubscription<T> Subscribe<T>(EntityKey key)
        where T : class
    {
        var subscription = new EntityChangeSubscription<T>(key, WatcherCapacity, Unsubscribe);
        _watchers.AddOrUpdate(key, _ => new ImmutableWatchers([subscription]), (_, existing) => existing.With(subscription));
        return subscription;
    }

    private void Unsubscribe<T>(EntityChangeSubscription<T> subscription)
        where T : class
    {
        while (_watchers.TryGetValue(subscription.Key, out var existing))
        {
            var remaining = existing.Without(subscription);
            var replaced = remaining.Items.Length == 0
                ? _watchers.TryRemove(new KeyValuePair<EntityKey, ImmutableWatchers>(subscription.Key, existing))
                : _watchers.TryUpdate(subscription.Key, remaining, existing);
            if (replaced)
            {
                return;
            }
        }
    }

    /// <summary>Copy-on-write, so publishing never locks against subscribing.</summary>
    private sealed class ImmutableWatchers(object[] items)
    {
        public object[] Items { get; } = items;

        public ImmutableWatchers With(object watcher) => new([.. Items, watcher]);

        public ImmutableWatchers Without(object watcher) => new(Items.Where(w => !ReferenceEquals(w, watcher)).ToArray());
    }
}
