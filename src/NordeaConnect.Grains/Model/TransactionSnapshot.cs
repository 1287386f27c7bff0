using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// A transaction as upstream last reported it plus what this service did to it since. Card numbers are only ever
/// the upstream's masked form; no CVV exists here.
/// </summary>
public sealed record TransactionSnapshot
{
    public required long Id { get; init; }

    public string? PaymentRef { get; init; }

    /// <summary>The upstream's status text, as sent.</summary>
    public required string Status { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public TransactionState State => TransactionStates.FromUpstream(Status);

    /// <summary>What the customer pays; while authorized, what is reserved; after a capture, what was captured.</summary>
    public required Amount Amount { get; init; }

    public Amount? VatAmount { get; init; }

    public CurrencyCode? Currency { get; init; }

    public bool Test { get; init; }

    /// <summary>Whether the transaction was created with <c>authorize=true</c>.</summary>
    public bool Authorize { get; init; }

    /// <summary>credit_card, stored_card, bank, swish, after_pay, ... (the reference's payment types).</summary>
    public string? TransactionType { get; init; }

    public string? PaymentMethod { get; init; }

    public string? CardType { get; init; }

    /// <summary>The upstream's masked card number, e.g. <c>411111******1111</c>.</summary>
    public string? MaskedCardNumber { get; init; }

    public string? CardHolder { get; init; }

    public string? CardExpiry { get; init; }

    /// <summary>The payment link where a customer can finish an unprocessed payment.</summary>
    public string? Href { get; init; }

    public JsonElement? Metadata { get; init; }

    public ImmutableList<RefundSnapshot> Refunds { get; init; } = [];

    public long? CustomerId { get; init; }

    public long? StoredCardId { get; init; }

    public long? SubscriptionId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>Why the payment failed, when it did.</summary>
    public UpstreamFailure? Error { get; init; }

    /// <summary>Reserved and waiting for a capture: the amount while authorized, otherwise zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount AuthorizedAmount => TransactionLedger.From(this).Authorized;

    /// <summary>Paid or captured: the amount once approved, otherwise zero.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount CapturedAmount => TransactionLedger.From(this).Captured;

    /// <summary>Refunded so far by the refunds upstream reported (failed ones excluded).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Amount RefundedAmount => TransactionLedger.From(this).Refunded;
}
