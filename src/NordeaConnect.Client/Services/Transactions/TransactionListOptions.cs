namespace NordeaConnect.Client;

/// <summary>
/// <c>GET /v1/transactions</c>, or a customer's (<c>/v1/customers/{id}/transactions</c>) or a subscription's
/// (<c>/v1/subscriptions/{id}/transactions</c>) when <see cref="CustomerId"/> or <see cref="SubscriptionId"/> is set.
/// </summary>
public sealed class TransactionListOptions : ListOptions
{
    public long? CustomerId { get; set; }

    public long? SubscriptionId { get; set; }

    internal void CheckScope()
    {
        if (CustomerId is not null && SubscriptionId is not null)
        {
            throw new ArgumentException("List the transactions of a customer or of a subscription, not both.");
        }
    }
}
