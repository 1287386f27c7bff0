using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A refund of (part of) a transaction, as upstream last reported it or as this service made it.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.RefundSnapshot")]
public sealed record RefundSnapshot
{
    [Id(0)]
    public required long Id { get; init; }

    [Id(1)]
    public required long TransactionId { get; init; }

    [Id(2)]
    public required Amount Amount { get; init; }

    [Id(3)]
    public string? Reason { get; init; }

    /// <summary>approved, pending or failed; null when upstream did not say (a fresh refund counts as made).</summary>
    [Id(4)]
    public string? Status { get; init; }

    [Id(5)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(6)]
    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>The reference's <c>ref</c> ("not in use" there); kept as sent.</summary>
    [Id(7)]
    public string? Ref { get; init; }

    /// <summary>The payment system's answer when the refund was executed: text or an object, as upstream sent it.</summary>
    [Id(8)]
    public System.Text.Json.JsonElement? Response { get; init; }

    /// <summary>The whole refunded transaction, only when a read asked to extend it.</summary>
    [Id(9)]
    public TransactionSnapshot? Transaction { get; init; }

    /// <summary>Whether this refund takes money back from the transaction: every refund except a failed one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Counts => !string.Equals(Status, "failed", StringComparison.OrdinalIgnoreCase);
}
