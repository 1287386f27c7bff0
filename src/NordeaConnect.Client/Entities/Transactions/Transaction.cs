using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// A payment as Nordea Connect reports it (<c>GET /v1/transactions/{id}</c>). Every field the reference shows is
/// here, read tolerantly: amounts as "480.0" or 480, the .NET SDK's <c>transcation_type</c> and <c>refund</c>
/// spellings, <c>null</c> lists as empty. The card number is the upstream's masked form; a CVV is never kept.
/// </summary>
public sealed class Transaction
{
    private readonly string? _transactionType;
    private readonly string? _misspelledTransactionType;
    private readonly IReadOnlyList<Refund>? _refunds;
    private readonly IReadOnlyList<Refund>? _singularRefunds;
    private readonly IReadOnlyList<Webhook>? _webhooks;
    private readonly IReadOnlyList<Item>? _items;

    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The exact time the payment was confirmed.</summary>
    [JsonPropertyName("processed_at")]
    public DateTimeOffset? ProcessedAt { get; init; }

    [JsonPropertyName("merchant_id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? MerchantId { get; init; }

    [JsonPropertyName("amount")]
    public Amount? Amount { get; init; }

    [JsonPropertyName("vat_amount")]
    public Amount? VatAmount { get; init; }

    [JsonPropertyName("currency")]
    public CurrencyCode? Currency { get; init; }

    /// <summary>The merchant's order/payment id (<c>payment_ref</c>); kept as text because upstream data may predate the 1-12 rule.</summary>
    [JsonPropertyName("payment_ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? PaymentRef { get; init; }

    [JsonPropertyName("ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ref { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("test")]
    public bool? Test { get; init; }

    /// <summary>True when the transaction was created with <c>authorize=true</c> and awaits capture.</summary>
    [JsonPropertyName("authorize")]
    public bool? Authorize { get; init; }

    [JsonPropertyName("card_holder")]
    public string? CardHolder { get; init; }

    /// <summary>The masked card number as the upstream returns it, e.g. <c>411111******1111</c>.</summary>
    [JsonPropertyName("card_number")]
    public string? CardNumber { get; init; }

    [JsonPropertyName("card_expiry")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CardExpiry { get; init; }

    [JsonPropertyName("card_type")]
    public string? CardType { get; init; }

    /// <summary>credit_card, stored_card, recurring, swish, ... (also read from the .NET SDK's <c>transcation_type</c>).</summary>
    [JsonPropertyName("transaction_type")]
    public string? TransactionType
    {
        get => _transactionType ?? _misspelledTransactionType;
        init => _transactionType = value;
    }

    [JsonInclude]
    [JsonPropertyName("transcation_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal string? MisspelledTransactionType
    {
        get => null;
        init => _misspelledTransactionType = value;
    }

    [JsonPropertyName("payment_method")]
    public string? PaymentMethod { get; init; }

    [JsonPropertyName("wallet_type")]
    public string? WalletType { get; init; }

    [JsonPropertyName("template_id")]
    public long? TemplateId { get; init; }

    [JsonPropertyName("encrypted")]
    public string? Encrypted { get; init; }

    /// <summary>Why the payment failed, when it did.</summary>
    [JsonPropertyName("error")]
    [JsonConverter(typeof(UpstreamErrorBodyConverter))]
    public UpstreamErrorBody? Error { get; init; }

    [JsonPropertyName("cost")]
    public TransactionCost? Cost { get; init; }

    [JsonPropertyName("success_url")]
    public string? SuccessUrl { get; init; }

    [JsonPropertyName("error_url")]
    public string? ErrorUrl { get; init; }

    /// <summary>A payment link where the customer can finish an unprocessed payment.</summary>
    [JsonPropertyName("href")]
    public string? Href { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    [JsonPropertyName("payment_request")]
    public JsonElement? PaymentRequest { get; init; }

    [JsonPropertyName("refunds")]
    public IReadOnlyList<Refund> Refunds
    {
        get => _refunds ?? _singularRefunds ?? [];
        init => _refunds = value;
    }

    [JsonInclude]
    [JsonPropertyName("refund")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal IReadOnlyList<Refund>? SingularRefunds
    {
        get => null;
        init => _singularRefunds = value;
    }

    [JsonPropertyName("stored_card")]
    public StoredCard? StoredCard { get; init; }

    [JsonPropertyName("customer")]
    public Customer? Customer { get; init; }

    [JsonPropertyName("subscription")]
    public Subscription? Subscription { get; init; }

    [JsonPropertyName("webhooks")]
    public IReadOnlyList<Webhook> Webhooks
    {
        get => _webhooks ?? [];
        init => _webhooks = value;
    }

    [JsonPropertyName("items")]
    public IReadOnlyList<Item> Items
    {
        get => _items ?? [];
        init => _items = value;
    }

    [JsonPropertyName("payment_details")]
    public PaymentDetails? PaymentDetails { get; init; }

    [JsonPropertyName("client_info")]
    public ClientInfo? ClientInfo { get; init; }

    [JsonPropertyName("request_hash")]
    public string? RequestHash { get; init; }

    [JsonPropertyName("response_hash")]
    public string? ResponseHash { get; init; }
}
