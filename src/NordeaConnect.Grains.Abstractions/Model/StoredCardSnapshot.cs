using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A tokenized card, with the upstream's masked card number. The token, which pays with the card, is a credential: it
/// is internal, so it is kept in the grain's state but neither shown to callers nor printed by <c>ToString</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.StoredCardSnapshot")]
public sealed record StoredCardSnapshot : IVersionedSnapshot<StoredCardSnapshot>
{
    [Id(0)]
    public required long Id { get; init; }

    /// <summary>active, inactive or deleted.</summary>
    [Id(1)]
    public required string Status { get; init; }

    [System.Text.Json.Serialization.JsonInclude]
    // Not serialized by Orleans: the token stays in the grain's stored state (JSON) and never crosses the wire.
    [field: NonSerialized]
    internal string? Token { get; init; }

    [Id(3)]
    public string? MaskedCardNumber { get; init; }

    [Id(4)]
    public string? CardHolder { get; init; }

    [Id(5)]
    public string? CardType { get; init; }

    [Id(6)]
    public CurrencyCode? Currency { get; init; }

    /// <summary>When the card stops working; null when upstream did not say.</summary>
    [Id(7)]
    public DateTimeOffset? Expires { get; init; }

    [Id(8)]
    public bool Test { get; init; }

    [Id(9)]
    public long? CustomerId { get; init; }

    [Id(10)]
    public string? CustomerRef { get; init; }

    [Id(11)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(12)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The change count of this state, as the entity's grain keeps it.</summary>
    [Id(13)]
    public EntityChange? Change { get; init; }

    [Id(14)]
    public string? MerchantId { get; init; }

    /// <summary>The reference's <c>ref</c>.</summary>
    [Id(15)]
    public string? Ref { get; init; }

    /// <summary>The whole owning customer, only when a read asked to extend it.</summary>
    [Id(16)]
    public CustomerSnapshot? Customer { get; init; }

    public StoredCardSnapshot WithChange(EntityChange change) => this with { Change = change };
}
