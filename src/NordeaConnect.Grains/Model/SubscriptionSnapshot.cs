using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A subscription as upstream last reported it.</summary>
public sealed record SubscriptionSnapshot
{
    public required long Id { get; init; }

    /// <summary>active or cancelled.</summary>
    public string? Status { get; init; }

    /// <summary>Added to (negative: subtracted from) the next charge; signed, so a plain decimal with two decimals.</summary>
    public decimal Debt { get; init; }

    public Amount? Price { get; init; }

    public CurrencyCode? Currency { get; init; }

    public int? Quantity { get; init; }

    public string? IntervalUnit { get; init; }

    public int? Interval { get; init; }

    public int? PeriodsLeft { get; init; }

    public int? TotalPeriods { get; init; }

    public int? RetryCount { get; init; }

    public DateTimeOffset? NextAt { get; init; }

    public long? PlanId { get; init; }

    public long? CustomerId { get; init; }

    public long? StoredCardId { get; init; }

    public JsonElement? Metadata { get; init; }

    /// <summary>The subscription's own items, charged on top of the plan's price.</summary>
    public ImmutableList<Client.Item> Items { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
