using System.Threading.Channels;

namespace NordeaConnect.Gateway.Changes;

/// <summary>One watcher's view of one entity's changes, in version order. Dispose to stop receiving.</summary>
public sealed class EntityChangeSubscription<T> : IDisposable
    where T : class
{
    private readonly Channel<EntityChangeNotice<T>> _channel;
    private readonly Action<EntityChangeSubscription<T>> _unsubscribe;
    private int _disposed;

    internal EntityChangeSubscription(EntityKey key, int capacity, Action<EntityChangeSubscription<T>> unsubscribe)
    {
        Key = key;
        _unsubscribe = unsubscribe;
        // A slow watcher loses intermediate versions, never the latest: each notice carries the whole state, and
        // the version tells the watcher how many it skipped. A stalled stream must not hold the publisher back.
        _channel = Channel.CreateBounded<EntityChangeNotice<T>>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
    }

    public EntityKey Key { get; }

    internal void Offer(EntityChangeNotice<T> notice) => _channel.Writer.TryWrite(notice);

    public IAsyncEnumerable<EntityChangeNotice<T>> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}

/// <summary>A change: the entity's state as of <see cref="Version"/>.</summary>
public sealed record EntityChangeNotice<T>(long Version, T Snapshot)
    where T : class;
