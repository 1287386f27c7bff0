using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <summary>
/// The owner of transactions, stored cards and subscriptions. Inside other objects it usually comes as
/// <c>{"id": 2923}</c>; <c>extend=customer</c> fills the rest.
/// </summary>
public sealed class Customer
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The merchant's own id for the customer; generated upstream when not given.</summary>
    [JsonPropertyName("ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ref { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    /// <summary>Present only when extended (<c>extend=transactions</c>).</summary>
    [JsonPropertyName("transactions")]
    public IReadOnlyList<Transaction>? Transactions { get; init; }

    /// <summary>Present only when extended (<c>extend=stored_cards</c>).</summary>
    [JsonPropertyName("stored_cards")]
    public IReadOnlyList<StoredCard>? StoredCards { get; init; }

    /// <summary>Present only when extended (<c>extend=subscriptions</c>).</summary>
    [JsonPropertyName("subscriptions")]
    public IReadOnlyList<Subscription>? Subscriptions { get; init; }
}
