using NordeaConnect.Grains;

namespace NordeaConnect.Gateway.Changes;

/// <summary>
/// The grains' change sink in the gateway: every state a grain announces, in its turn and so in version order, is
/// published on the change feed (the outbox, then live watchers) under its entity's key and the grain's version.
/// </summary>
public sealed class FeedEntityChanges(IEntityChangeFeed feed) : IEntityChangeSink
{
    public void Changed<TSnapshot>(long id, TSnapshot snapshot)
        where TSnapshot : class, IVersionedSnapshot<TSnapshot>
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var kind = snapshot switch
        {
            TransactionSnapshot => EntityKey.Transaction,
            SubscriptionSnapshot => EntityKey.Subscription,
            StoredCardSnapshot => EntityKey.StoredCard,
            CustomerSnapshot => EntityKey.Customer,
            _ => throw new ArgumentException("No entity kind is published for " + typeof(TSnapshot).Name + ".", nameof(snapshot)),
        };
        feed.Publish(new EntityKey(kind, id), snapshot.Change?.Version ?? 0, snapshot);
    }
}
