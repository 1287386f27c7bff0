namespace NordeaConnect.Client;

/// <summary>
/// <c>GET /v1/transactions</c>, or a customer's (<c>/v1/customers/{id}/transactions</c>) or a subscription's
/// (<c>/v1/subscriptions/{id}/transactions</c>) when <see cref="CustomerId"/> or <see cref="SubscriptionId"/> is set.
/// </summary>
public sealed class TransactionListOptions : ListOptions
{
    public long? CustomerId { get; set; }

    public long? SubscriptionId { get; set; }

    internal string Path =>
        (CustomerId, SubscriptionId) switch
        {
            (null, null) => "v1/transactions",
            ({ } customer, null) => ResourceCalls.PathOf("customers", customer) + "/transactions",
            (null, { } subscription) => ResourceCalls.PathOf("subscriptions", subscription) + "/transactions",
            _ => throw new ArgumentException("List the transactions of a customer or of a subscription, not both."),
        };
}
