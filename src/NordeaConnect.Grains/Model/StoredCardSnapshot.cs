using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A tokenized card. The token is what a token payment sends; it stays inside the service (it is a credential, so it
/// is neither logged nor returned in results' descriptions). The card number is the upstream's masked form.
/// </summary>
public sealed record StoredCardSnapshot
{
    public required long Id { get; init; }

    /// <summary>active, inactive or deleted.</summary>
    public required string Status { get; init; }

    public string? Token { get; init; }

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
