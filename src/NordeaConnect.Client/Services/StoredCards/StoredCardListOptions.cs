namespace NordeaConnect.Client;

/// <summary><c>GET /v1/stored_cards</c>, or a customer's (<c>/v1/customers/{id}/stored_cards</c>) when <see cref="CustomerId"/> is set.</summary>
public sealed class StoredCardListOptions : ListOptions
{
    public long? CustomerId { get; set; }
}
