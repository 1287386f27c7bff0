using NordeaConnect.Primitives;
using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>POST /v1/refunds</c>.</summary>
public sealed class RefundForm
{
    [AliasAs("transaction_id")]
    public required long TransactionId { get; init; }

    [AliasAs("amount")]
    public required Amount Amount { get; init; }

    [AliasAs("reason")]
    public required string Reason { get; init; }
}
