using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Refunds;

/// <summary>
/// The refund list's filters: the reference's status, created_at, amount and reason, plus id, transaction_id and
/// processed_at, which the sandbox adds (see the README).
/// </summary>
internal static class RefundSchema
{
    public static readonly ResourceSchema<RefundRecord> Instance = new(
        "refund",
        r => r.Id,
        [
            new("amount", FieldKind.Decimal, r => r.Amount.Value),
            new("created_at", FieldKind.Date, r => r.CreatedAt),
            new("id", FieldKind.Integer, r => r.Id),
            new("processed_at", FieldKind.Date, r => r.ProcessedAt),
            new("reason", FieldKind.Text, r => r.Reason),
            new("status", FieldKind.Text, r => r.Status),
            new("transaction_id", FieldKind.Integer, r => r.TransactionId),
        ]);
}
