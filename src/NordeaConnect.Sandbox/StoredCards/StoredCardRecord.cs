using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.StoredCards;

/// <summary>A tokenized card; the token stands in for the card number in later payments.</summary>
internal sealed record StoredCardRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string Token { get; init; }

    public required string CardHolder { get; init; }

    public required string MaskedNumber { get; init; }

    public required string Brand { get; init; }

    public required CurrencyCode Currency { get; init; }

    /// <summary>The last second of the expiry month, e.g. 2018-01-31T23:59:59Z.</summary>
    public required DateTimeOffset Expires { get; init; }

    public long? CustomerId { get; init; }

    /// <summary>active, inactive or deleted.</summary>
    public required string Status { get; init; }

    public required bool Test { get; init; }
}
