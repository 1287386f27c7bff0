using System.Text.Json.Serialization;
using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Refunds;

/// <summary>
/// The refund object: the create/show examples' fields, the list's processed_at, status, cost and response, and the
/// .NET example's transaction_id.
/// </summary>
internal sealed record RefundView
{
    [JsonPropertyName("amount")] public required string Amount { get; init; }
    [JsonPropertyName("cost")] public string? Cost { get; init; }
    [JsonPropertyName("created_at")] public required DateTimeOffset CreatedAt { get; init; }
    [JsonPropertyName("id")] public required long Id { get; init; }
    [JsonPropertyName("processed_at")] public DateTimeOffset? ProcessedAt { get; init; }
    [JsonPropertyName("reason")] public required string Reason { get; init; }
    [JsonPropertyName("ref")] public string? Ref { get; init; }
    [JsonPropertyName("response")] public string? Response { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("transaction")] public required EntityRef Transaction { get; init; }

    /// <summary>The .NET example's field, beside the curl examples' <c>transaction</c> object.</summary>
    [JsonPropertyName("transaction_id")] public long TransactionId => Transaction.Id;

    public static RefundView Of(RefundRecord refund) => new()
    {
        Amount = DecimalText.Of(refund.Amount),
        CreatedAt = refund.CreatedAt,
        Id = refund.Id,
        ProcessedAt = refund.ProcessedAt,
        Reason = refund.Reason,
        // The reference gives no format for the payment system's answer; the sandbox's bank answers in one word.
        Response = refund.Status == RefundStatus.Approved ? "Approved" : null,
        Status = refund.Status,
        Transaction = new EntityRef(refund.TransactionId),
    };
}
