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

    /// <summary>Webhooks attached to this transaction only (beside the merchant's templates).</summary>
    [Id(14)]
    public IReadOnlyList<Client.WebhookDefinition>? Webhooks { get; init; }

    /// <summary>The parameters sent encrypted, comma separated, e.g. <c>card_number,card_cvv</c>.</summary>
    [Id(15)]
    public string? Encrypted { get; init; }

    /// <summary>en or sv: the language of upstream's texts in the answer; null for upstream's default. Not part of what is created.</summary>
    [Id(16)]
    public string? Locale { get; init; }
}
