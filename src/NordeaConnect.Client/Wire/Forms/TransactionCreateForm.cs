using NordeaConnect.Primitives;
using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>POST /v1/transactions</c>, fields in the reference's order; null fields are not sent.</summary>
public sealed class TransactionCreateForm
{
    [AliasAs("amount")]
    public required Amount Amount { get; init; }

    /// <summary>The lower-case ISO code, e.g. <c>sek</c>.</summary>
    [AliasAs("currency")]
    public required string Currency { get; init; }

    [AliasAs("payment_ref")]
    public required string PaymentRef { get; init; }

    [AliasAs("customer_ref")]
    public string? CustomerRef { get; init; }

    [AliasAs("test")]
    public required bool Test { get; init; }

    /// <summary>MD5 of merchant_id, payment_ref, customer_ref, amount, currency, test and the secret.</summary>
    [AliasAs("hash")]
    public required string Hash { get; init; }

    [AliasAs("vat_amount")]
    public Amount? VatAmount { get; init; }

    [AliasAs("card_number")]
    public string? CardNumber { get; init; }

    [AliasAs("card_type")]
    public string? CardType { get; init; }

    [AliasAs("card_holder")]
    public string? CardHolder { get; init; }

    [AliasAs("card_cvv")]
    public string? CardCvv { get; init; }

    [AliasAs("card_expiry")]
    public string? CardExpiry { get; init; }

    [AliasAs("encrypted")]
    public string? Encrypted { get; init; }

    [AliasAs("process")]
    public bool? Process { get; init; }

    [AliasAs("authorize")]
    public bool? Authorize { get; init; }

    [AliasAs("template_id")]
    public long? TemplateId { get; init; }

    [AliasAs("success_url")]
    public string? SuccessUrl { get; init; }

    [AliasAs("error_url")]
    public string? ErrorUrl { get; init; }

    /// <summary>JSON text, e.g. <c>{"shop_order":{"id":"123123"}}</c>.</summary>
    [AliasAs("metadata")]
    public string? Metadata { get; init; }

    /// <summary>JSON text of the items array.</summary>
    [AliasAs("items")]
    public string? Items { get; init; }

    /// <summary>JSON text of the custom webhooks array.</summary>
    [AliasAs("webhooks")]
    public string? Webhooks { get; init; }
}
