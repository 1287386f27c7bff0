namespace NordeaConnect.Gateway.Changes;

/// <summary>
/// Tells watchers about entity changes. Whoever changes an entity (its grain, after each state change) publishes the
/// new state with its version; Watch calls subscribe. This in-process feed reaches watchers on this node only and
/// keeps no history: a watcher resuming with after_version gets the current state (if newer) and then every change.
/// The durable outbox (a later issue) replaces it behind this interface and replays the changes it still holds.
/// </summary>
public interface IEntityChangeFeed
{
    /// <summary>Announces <paramref name="snapshot"/> as version <paramref name="version"/> of <paramref name="key"/>.</summary>
    void Publish<T>(EntityKey key, long version, T snapshot)
        where T : class;

    /// <summary>Starts receiving the changes of <paramref name="key"/>; subscribe before reading the current state so nothing falls between.</summary>
    EntityChangeSubscription<T> Subscribe<T>(EntityKey key)
        where T : class;
}
