namespace NordeaConnect.Client;

/// <summary><c>PUT /v1/stored_cards/{id}</c>: change a stored card's status.</summary>
public sealed class StoredCardUpdateOptions
{
    /// <summary>active, inactive or deleted (see <see cref="StoredCardStatus"/>).</summary>
    public required string Status { get; init; }
}
