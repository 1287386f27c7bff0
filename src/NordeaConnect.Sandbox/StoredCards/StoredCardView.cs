using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.StoredCards;

/// <summary>The stored card object as the reference's examples print it (the curl examples' fields and the .NET one's customer_id and customer_ref).</summary>
internal sealed record StoredCardView
{
    [JsonPropertyName("card_holder")] public required string CardHolder { get; init; }
    [JsonPropertyName("card_number")] public required string CardNumber { get; init; }
    [JsonPropertyName("card_type")] public required string CardType { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("customer")] public EntityRef? Customer { get; init; }
    [JsonPropertyName("customer_id")] public long? CustomerId => Customer?.Id;
    [JsonPropertyName("customer_ref")] public string? CustomerRef { get; init; }
    [JsonPropertyName("expires")] public required DateTimeOffset Expires { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("merchant_id")] public required JsonNode MerchantId { get; init; }
    [JsonPropertyName("ref")] public string? Ref { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("test")] public required bool Test { get; init; }
    [JsonPropertyName("token")] public required string Token { get; init; }
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }

    public static StoredCardView Of(StoredCardRecord card, string merchantId, string? customerRef) => new()
    {
        CardHolder = card.CardHolder,
        CardNumber = card.MaskedNumber,
        CardType = card.Brand,
        CreatedAt = card.CreatedAt,
        Currency = card.Currency.Code,
        Customer = EntityRef.Of(card.CustomerId),
        CustomerRef = customerRef,
        Expires = card.Expires,
        Id = card.Id,
        MerchantId = MerchantIdJson.Of(merchantId),
        Status = card.Status,
        Test = card.Test,
        Token = card.Token,
        UpdatedAt = card.UpdatedAt,
    };
}
