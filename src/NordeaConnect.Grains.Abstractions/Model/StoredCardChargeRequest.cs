using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A token payment with a stored card. The payment_ref keys it, as every transaction creation is keyed.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.StoredCardChargeRequest")]
public sealed record StoredCardChargeRequest
{
    [Id(0)]
    public required PaymentRef PaymentRef { get; init; }

    [Id(1)]
    public required Amount Amount { get; init; }

    [Id(2)]
    public required CurrencyCode Currency { get; init; }

    [Id(3)]
    public string? CustomerRef { get; init; }

    [Id(4)]
    public bool Test { get; init; }

    [Id(5)]
    public bool Authorize { get; init; }

    [Id(6)]
    public JsonElement? Metadata { get; init; }
}
