using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>A customer's subscription to a plan, charged by the billing engine on the test clock.</summary>
internal sealed record SubscriptionRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required long PlanId { get; init; }

    public long? CustomerId { get; init; }

    public long? StoredCardId { get; init; }

    public required CurrencyCode Currency { get; init; }

    /// <summary>Added to (or, negative, subtracted from) the next charge, then cleared.</summary>
    public decimal Debt { get; init; }

    public int Quantity { get; init; } = 1;

    /// <summary>active or cancelled.</summary>
    public required string Status { get; init; }

    /// <summary>Charges left; null when the plan runs forever.</summary>
    public int? PeriodsLeft { get; init; }

    public required int TotalPeriods { get; init; }

    public DateTimeOffset? NextAt { get; init; }

    public int RetryCount { get; init; }

    /// <summary>Whether the plan's setup fee is still to be charged with the first payment.</summary>
    public bool SetupFeePending { get; init; }

    public JsonElement? Items { get; init; }

    public JsonElement? Metadata { get; init; }

    public required bool Test { get; init; }
}
