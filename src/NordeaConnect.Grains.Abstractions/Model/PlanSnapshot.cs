using System.Collections.Immutable;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A billing plan: the template of a subscription's recurring payments.</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.PlanSnapshot")]
public sealed record PlanSnapshot
{
    [Id(0)]
    public required long Id { get; init; }

    [Id(1)]
    public string? Name { get; init; }

    [Id(2)]
    public string? Description { get; init; }

    /// <summary>days or months.</summary>
    [Id(3)]
    public string? IntervalUnit { get; init; }

    [Id(4)]
    public int? Interval { get; init; }

    /// <summary>How many periods the plan runs; 0 means forever.</summary>
    [Id(5)]
    public int? Periods { get; init; }

    [Id(6)]
    public int? TrialLength { get; init; }

    /// <summary>The price of each payment, keyed by lower-case currency code ("sek"), as the plan's JSON is.</summary>
    [Id(7)]
    public ImmutableSortedDictionary<string, Amount> Prices { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;

    /// <summary>The start cost, keyed by lower-case currency code.</summary>
    [Id(8)]
    public ImmutableSortedDictionary<string, Amount> SetupFees { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;

    public Amount? PriceIn(CurrencyCode currency) => Prices.TryGetValue(currency.Code, out var price) ? price : null;

    /// <summary>active or cancelled.</summary>
    [Id(9)]
    public string? Status { get; init; }

    [Id(10)]
    public DateTimeOffset? CreatedAt { get; init; }

    [Id(11)]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The merchant account the plan belongs to.</summary>
    [Id(12)]
    public string? MerchantId { get; init; }

    /// <summary>The plan's reference, as upstream filters and shows it.</summary>
    [Id(13)]
    public string? Ref { get; init; }
}
