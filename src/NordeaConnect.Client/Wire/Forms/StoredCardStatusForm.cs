using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>PUT /v1/stored_cards/{id}</c>.</summary>
public sealed class StoredCardStatusForm
{
    [AliasAs("status")]
    public required string Status { get; init; }
}
