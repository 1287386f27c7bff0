using System.Text.Json;
using System.Text.Json.Serialization;
using NordeaConnect.Client.Serialization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// A refund of (part of) a transaction. The connected transaction comes as <c>{"id": 7510}</c>, as a full object
/// with <c>extend=transaction</c>, or (the .NET SDK) as <c>null</c> beside a <c>transaction_id</c>.
/// </summary>
public sealed class Refund
{
    private readonly long? _transactionId;

    [JsonPropertyName("id")]
    public long Id { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the refund was executed.</summary>
    [JsonPropertyName("processed_at")]
    public DateTimeOffset? ProcessedAt { get; init; }

    [JsonPropertyName("amount")]
    public Amount? Amount { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("ref")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Ref { get; init; }

    /// <summary>approved, pending or failed.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>"Not in use" per the reference; kept raw.</summary>
    [JsonPropertyName("cost")]
    public JsonElement? Cost { get; init; }

    /// <summary>The payment system's response when the refund was executed.</summary>
    [JsonPropertyName("response")]
    public JsonElement? Response { get; init; }

    [JsonPropertyName("transaction")]
    public Transaction? Transaction { get; init; }

    /// <summary>The refunded transaction's id, from <c>transaction.id</c> or <c>transaction_id</c>.</summary>
    [JsonPropertyName("transaction_id")]
    public long? TransactionId
    {
        get => _transactionId ?? Transaction?.Id;
        init => _transactionId = value;
    }
}
