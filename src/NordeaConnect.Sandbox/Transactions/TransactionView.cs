using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Json;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The transaction object as the reference prints it (its fields in its alphabetical order): the union of the curl,
/// create and .NET examples' fields, except <c>card_cvv</c>, which is never kept.
/// </summary>
internal sealed record TransactionView
{
    [JsonPropertyName("amount")] public required string Amount { get; init; }
    [JsonPropertyName("authorize")] public required bool Authorize { get; init; }
    [JsonPropertyName("card_expiry")] public string? CardExpiry { get; init; }
    [JsonPropertyName("card_holder")] public string? CardHolder { get; init; }
    [JsonPropertyName("card_number")] public string? CardNumber { get; init; }
    [JsonPropertyName("card_type")] public string? CardType { get; init; }
    [JsonPropertyName("client_info")] public ClientInfo? ClientInfo { get; init; }
    [JsonPropertyName("cost")] public required CostView Cost { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("customer")] public EntityRef? Customer { get; init; }
    [JsonPropertyName("encrypted")] public string? Encrypted { get; init; }
    [JsonPropertyName("error")] public ErrorResponse? Error { get; init; }
    [JsonPropertyName("error_url")] public string? ErrorUrl { get; init; }
    [JsonPropertyName("href")] public string? Href { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("items")] public JsonElement? Items { get; init; }
    [JsonPropertyName("merchant_id")] public required JsonNode MerchantId { get; init; }
    [JsonPropertyName("metadata")] public JsonElement? Metadata { get; init; }
    [JsonPropertyName("payment_details")] public PaymentDetailsView? PaymentDetails { get; init; }
    [JsonPropertyName("payment_method")] public string? PaymentMethod { get; init; }
    [JsonPropertyName("payment_ref")] public string? PaymentRef { get; init; }
    [JsonPropertyName("payment_request")] public JsonElement? PaymentRequest { get; init; }
    [JsonPropertyName("processed_at")] public DateTimeOffset? ProcessedAt { get; init; }
    [JsonPropertyName("ref")] public string? Ref { get; init; }
    [JsonPropertyName("refunds")] public required IReadOnlyList<RefundView> Refunds { get; init; }
    [JsonPropertyName("request_hash")] public string? RequestHash { get; init; }
    [JsonPropertyName("response_hash")] public string? ResponseHash { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("stored_card")] public EntityRef? StoredCard { get; init; }
    [JsonPropertyName("subscription")] public EntityRef? Subscription { get; init; }
    [JsonPropertyName("success_url")] public string? SuccessUrl { get; init; }
    [JsonPropertyName("template_id")] public long? TemplateId { get; init; }
    [JsonPropertyName("test")] public required bool Test { get; init; }
    [JsonPropertyName("transaction_type")] public string? TransactionType { get; init; }

    /// <summary>The .NET SDK example's misspelling, kept beside the right name for clients written against it.</summary>
    [JsonPropertyName("transcation_type")] public string? TranscationType => TransactionType;
    [JsonPropertyName("updated_at")] public required DateTimeOffset UpdatedAt { get; init; }
    [JsonPropertyName("vat_amount")] public string? VatAmount { get; init; }
    [JsonPropertyName("wallet_type")] public string? WalletType { get; init; }
    [JsonPropertyName("webhooks")] public required IReadOnlyList<WebhookView> Webhooks { get; init; }
}
