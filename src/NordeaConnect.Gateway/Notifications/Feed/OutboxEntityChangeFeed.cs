using System.Diagnostics;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;

namespace NordeaConnect.Gateway.Notifications.Feed;

/// <summary>
/// The change feed over the durable outbox: every published state is appended to the outbox (which queues its
/// notifications) before live watchers on this node hear of it. A change the outbox could not record throws, so the
/// call that made it fails rather than the change going unannounced. The trace of the call that made the change (a
/// gRPC call, a webhook's refresh) is recorded with it, so its notifications are sent in that trace.
/// </summary>
public sealed partial class OutboxEntityChangeFeed(INotificationOutbox outbox, OutboxSignals signals, ILogger<OutboxEntityChangeFeed> logger) : IEntityChangeFeed
{
    private readonly InProcessEntityChangeFeed _live = new();

    public void Publish<T>(EntityKey key, long version, T snapshot)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!EntityMessages.TryDescribe(snapshot, out var response, out var reason))
        {
            LogNotRecorded(logger, typeof(T).Name, key.ToString());
        }
        else
        {
            var stored = outbox.Append(key, version, reason, settled => EntityMessages.ToJson(EntityMessages.WithVersion(response, settled)), DeliveryTrace.Of(Activity.Current));
            signals.Appended(key);
            if (stored != version)
            {
                LogRenumbered(logger, key.ToString(), version, stored);
            }
        }

        _live.Publish(key, version, snapshot);
    }

    public EntityChangeSubscription<T> Subscribe<T>(EntityKey key)
        where T : class => _live.Subscribe<T>(key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{StateType} of {Entity} has no Get message; announced to live watchers only")]
    private static partial void LogNotRecorded(ILogger logger, string stateType, string entity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Entity} version {Proposed} was recorded as version {Stored}: the outbox already held newer versions")]
    private static partial void LogRenumbered(ILogger logger, string entity, long proposed, long stored);
}
