using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A new payment (<c>POST /v1/transactions</c>). The request hash is built by the service, never the caller.</summary>
public sealed record TransactionCreateRequest
{
    public required Amount Amount { get; init; }

    public required CurrencyCode Currency { get; init; }

    public Amount? VatAmount { get; init; }

    public string? CustomerRef { get; init; }

    public bool Test { get; init; }

    /// <summary>Reserve only; capture later.</summary>
    public bool Authorize { get; init; }

    /// <summary>False prepares the payment and returns a payment link (<c>href</c>) instead of charging.</summary>
    public bool Process { get; init; } = true;

    public CardDetails? Card { get; init; }

    /// <summary>Set for a token payment: the stored card being charged.</summary>
    public long? StoredCardId { get; init; }

    public string? SuccessUrl { get; init; }

    public string? ErrorUrl { get; init; }

    public long? TemplateId { get; init; }

    public JsonElement? Metadata { get; init; }

    /// <summary>Product lines (required for invoice payments).</summary>
    public IReadOnlyList<Client.Item>? Items { get; init; }
}
