using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary><c>PUT /v1/transactions/{id}/capture</c>: capture an authorized transaction, fully or in part.</summary>
public sealed class TransactionCaptureOptions
{
    /// <summary>The amount to capture; may be lower than the authorized amount.</summary>
    public required Amount Amount { get; init; }

    public override string ToString() => $"TransactionCaptureOptions {{ amount = {Amount} }}";
}
