using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary><c>POST /v1/refunds</c>: refund all or part of a transaction (E-payment allows only one refund).</summary>
public sealed class RefundCreateOptions
{
    public required long TransactionId { get; init; }

    /// <summary>The amount to refund, e.g. 5.00.</summary>
    public required Amount Amount { get; init; }

    /// <summary>Why, e.g. "Cancelled order".</summary>
    public required string Reason { get; init; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"RefundCreateOptions {{ transaction_id = {TransactionId}, amount = {Amount} }}");
}
