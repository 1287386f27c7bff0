using System.Collections.Immutable;
using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A subscription as upstream last reported it.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.SubscriptionSnapshot")]
public sealed record SubscriptionSnapshot : IVersionedSnapshot<SubscriptionSnapshot>
{
    [Id(0)]
    public required long Id { get; init; }

    /// <summary>active or cancelled.</summary>
    [Id(1)]
    public string? Status { get; init; }

    /// <summary>Added to (negative: subtracted from) the next charge; signed, so a plain decimal with two decimals.</summary>
    [Id(2)]
    public decimal Debt { get; init; }

    [Id(3)]
    public Amount? Price { get; init; }

    [Id(4)]
    public CurrencyCode? Currency { get; init; }

    [Id(5)]
    public int? Quantity { get; init; }

    [Id(6)]
    public string? IntervalUnit { get; init; }

    [Id(7)]
    public int? Interval { get; init; }

    [Id(8)]
    public int? PeriodsLeft { get; init; }

    [Id(9)]
    public int? TotalPeriods { get; init; }

    [Id(10)]
    public int? RetryCount { get; init; }

    [Id(11)]
    public DateTimeOffset? NextAt { get; init; }

    [Id(12)]
    public long? PlanId { get; init; }

    [Id(13)]
    public long? CustomerId { get; init; }

    [Id(14)]
    public long? StoredCardId { get; init; }

    [Id(15)]
    public JsonElement? Metadata { get; init; }

    /// <summary>The subscription's own items, charged on top of the plan's price.</summary>
    [Id(16)]
    public ImmutableList<Client.Item> Items { get; init; } = [];

    [Id(17)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(18)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The change count of this state, as the entity's grain keeps it.</summary>
    [Id(19)]
    public EntityChange? Change { get; init; }

    /// <summary>Whether the subscription charges in test mode.</summary>
    [Id(20)]
    public bool Test { get; init; }

    public SubscriptionSnapshot WithChange(EntityChange change) => this with { Change = change };
}
