using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A new payment (<c>POST /v1/transactions</c>). The request hash is built by the service, never the caller.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.TransactionCreateRequest")]
public sealed record TransactionCreateRequest
{
    [Id(0)]
    public required Amount Amount { get; init; }

    [Id(1)]
    public required CurrencyCode Currency { get; init; }

    [Id(2)]
    public Amount? VatAmount { get; init; }

    [Id(3)]
    public string? CustomerRef { get; init; }

    [Id(4)]
    public bool Test { get; init; }

    /// <summary>Reserve only; capture later.</summary>
    [Id(5)]
    public bool Authorize { get; init; }

    /// <summary>False prepares the payment and returns a payment link (<c>href</c>) instead of charging.</summary>
    [Id(6)]
    public bool Process { get; init; } = true;

    [Id(7)]
    public CardDetails? Card { get; init; }

    /// <summary>Set for a token payment: the stored card being charged.</summary>
    [Id(8)]
    public long? StoredCardId { get; init; }

    [Id(9)]
    public string? SuccessUrl { get; init; }

    [Id(10)]
    public string? ErrorUrl { get; init; }

    [Id(11)]
    public long? TemplateId { get; init; }

    [Id(12)]
    public JsonElement? Metadata { get; init; }

    /// <summary>Product lines (required for invoice payments).</summary>
    [Id(13)]
    public IReadOnlyList<Client.Item>? Items { get; init; }
}
