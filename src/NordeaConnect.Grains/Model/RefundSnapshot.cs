using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A refund of (part of) a transaction, as upstream last reported it or as this service made it.</summary>
public sealed record RefundSnapshot
{
    public required long Id { get; init; }

    public required long TransactionId { get; init; }

    public required Amount Amount { get; init; }

    public string? Reason { get; init; }

    /// <summary>approved, pending or failed; null when upstream did not say (a fresh refund counts as made).</summary>
    public string? Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>Whether this refund takes money back from the transaction: every refund except a failed one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Counts => !string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);
}
