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

    [Id(7)]
    public Amount? VatAmount { get; init; }

    [Id(8)]
    public IReadOnlyList<Client.Item>? Items { get; init; }

    [Id(9)]
    public string? SuccessUrl { get; init; }

    [Id(10)]
    public string? ErrorUrl { get; init; }

    [Id(11)]
    public long? TemplateId { get; init; }

    [Id(12)]
    public IReadOnlyList<Client.WebhookDefinition>? Webhooks { get; init; }

    /// <summary>en or sv: the language of upstream's texts in the answer; null for upstream's default.</summary>
    [Id(13)]
    public string? Locale { get; init; }
}
