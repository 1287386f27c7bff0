using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Grains;

namespace NordeaConnect.Gateway.Changes;

/// <summary>
/// A new transaction's first state (created, or charged to a stored card) is announced here rather than by its grain:
/// the caller's notification_url is subscribed first, which needs the id the creation made, so the creation itself is
/// among the changes the receiver is sent. Later changes are announced by the transaction's grain.
/// </summary>
public sealed class TransactionAnnouncements(IEntityChangeSink changes, INotificationOutbox? outbox = null)
{
    /// <summary>The created transaction, announced unless the creation was a replay (subscribing is idempotent either way).</summary>
    public async Task<TransactionSnapshot> CreatedAsync(OperationResult<TransactionSnapshot> created, Uri? notificationUrl, CancellationToken cancellationToken)
    {
        var transaction = GrainResults.Unwrap(created);
        if (notificationUrl is not null)
        {
            if (outbox is null)
            {
                throw new InvalidOperationException("notification_url needs the notification outbox: add AddNotificationOutbox (AddGatewayFacade adds one in memory).");
            }

            await outbox.SubscribeAsync(EntityKey.ForTransaction(transaction.Id), notificationUrl, cancellationToken);
        }

        if (!created.Replayed)
        {
            changes.Changed(transaction.Id, transaction);
        }

        return transaction;
    }
}
