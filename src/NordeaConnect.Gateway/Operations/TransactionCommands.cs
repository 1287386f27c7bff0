using System.Text.Json;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>A webhook Nordea Connect should call for this transaction.</summary>
public sealed record WebhookRequest(string Trigger, string? Url, string? Email, string? HttpMethod, string? DataFormat);

/// <summary>Everything a caller may send to create a transaction, checked and typed.</summary>
public sealed record TransactionCreation(PaymentRef PaymentRef, Amount Amount, CurrencyCode Currency)
{
    public string? CustomerRef { get; init; }

    public bool Test { get; init; }

    /// <summary>false prepares the transaction and returns a payment link; null is the upstream default (true).</summary>
    public bool? Process { get; init; }

    public bool Authorize { get; init; }

    public CardDetails? Card { get; init; }

    public string? StoredCardToken { get; init; }

    public Amount? VatAmount { get; init; }

    public JsonElement? Metadata { get; init; }

    public IReadOnlyList<Upstream.Item> Items { get; init; } = [];

    public string? SuccessUrl { get; init; }

    public string? ErrorUrl { get; init; }

    public long? TemplateId { get; init; }

    public IReadOnlyList<WebhookRequest> Webhooks { get; init; } = [];

    /// <summary>Where the gateway POSTs the transaction after every change.</summary>
    public Uri? NotificationUrl { get; init; }

    public string? Locale { get; init; }
}

/// <summary>What a caller may change on a transaction; null means "leave as is".</summary>
public sealed record TransactionUpdate
{
    public CardDetails? Card { get; init; }

    /// <summary>Merged into the existing metadata.</summary>
    public JsonElement? Metadata { get; init; }

    public bool? Process { get; init; }

    public Amount? Amount { get; init; }

    public Amount? VatAmount { get; init; }

    public CurrencyCode? Currency { get; init; }

    public string? CustomerRef { get; init; }

    public IReadOnlyList<Upstream.Item>? Items { get; init; }

    public string? Locale { get; init; }
}

/// <summary>A token payment with a stored card.</summary>
public sealed record StoredCardCharge(PaymentRef PaymentRef, Amount Amount, CurrencyCode Currency)
{
    public bool Test { get; init; }

    public string? CustomerRef { get; init; }

    public JsonElement? Metadata { get; init; }

    public Uri? NotificationUrl { get; init; }
}
