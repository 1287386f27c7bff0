using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A tokenized card, with the upstream's masked card number. The token, which pays with the card, is a credential: it
/// is internal, so it is kept in the grain's state but neither shown to callers nor printed by <c>ToString</c>.
/// </summary>
public sealed record StoredCardSnapshot
{
    public required long Id { get; init; }

    /// <summary>active, inactive or deleted.</summary>
    public required string Status { get; init; }

    [System.Text.Json.Serialization.JsonInclude]
    internal string? Token { get; init; }

    public string? MaskedCardNumber { get; init; }

    public string? CardHolder { get; init; }

    public string? CardType { get; init; }

    public CurrencyCode? Currency { get; init; }

    /// <summary>When the card stops working; null when upstream did not say.</summary>
    public DateTimeOffset? Expires { get; init; }

    public bool Test { get; init; }

    public long? CustomerId { get; init; }

    public string? CustomerRef { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
