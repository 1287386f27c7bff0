using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Refunds;

/// <summary>A refund of part or all of an approved transaction.</summary>
internal sealed record RefundRecord(
    long Id,
    long TransactionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ProcessedAt,
    Amount Amount,
    string Reason,
    string Status);
