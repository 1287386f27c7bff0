namespace NordeaConnect.Client;

/// <summary><c>GET /v1/subscriptions</c>, or a customer's (<c>/v1/customers/{id}/subscriptions</c>) when <see cref="CustomerId"/> is set.</summary>
public sealed class SubscriptionListOptions : ListOptions
{
    public long? CustomerId { get; set; }
}
