using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// A tokenized card. <see cref="Token"/> is what a token payment sends as <c>card_number</c>; the card number
/// here is masked by the upstream. A CVV the .NET SDK echoes is never kept.
/// </summary>
public sealed class StoredCard
{
    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonPropertyName("token")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Token { get; init; }

    [JsonPropertyName("card_holder")]
    public string? CardHolder { get; init; }

    [JsonPropertyName("card_number")]
    public string? CardNumber { get; init; }

    [JsonPropertyName("card_type")]
    public string? CardType { get; init; }

    [JsonPropertyName("currency")]
    public CurrencyCode? Currency { get; init; }

    /// <summary>When the card expires; absent when the upstream sends <c>0001-01-01T00:00:00</c>.</summary>
    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    [JsonPropertyName("merchant_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? MerchantId { get; init; }

    [JsonPropertyName("ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ref { get; init; }

    /// <summary>active, inactive or deleted.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("test")]
    public bool? Test { get; init; }

    [JsonPropertyName("customer")]
    public Customer? Customer { get; init; }

    [JsonPropertyName("customer_id")]
    public long? CustomerId { get; init; }

    [JsonPropertyName("customer_ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CustomerRef { get; init; }
}
