using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A token payment with a stored card. The payment_ref keys it, as every transaction creation is keyed.</summary>
public sealed record StoredCardChargeRequest
{
    public required PaymentRef PaymentRef { get; init; }

    public required Amount Amount { get; init; }

    public required CurrencyCode Currency { get; init; }

    public string? CustomerRef { get; init; }

    public bool Test { get; init; }

    public bool Authorize { get; init; }

    public JsonElement? Metadata { get; init; }
}
