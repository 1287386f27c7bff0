using System.Collections.Immutable;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A billing plan: the template of a subscription's recurring payments.</summary>
public sealed record PlanSnapshot
{
    public required long Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>days or months.</summary>
    public string? IntervalUnit { get; init; }

    public int? Interval { get; init; }

    /// <summary>How many periods the plan runs; 0 means forever.</summary>
    public int? Periods { get; init; }

    public int? TrialLength { get; init; }

    /// <summary>The price of each payment, keyed by lower-case currency code ("sek"), as the plan's JSON is.</summary>
    public ImmutableSortedDictionary<string, Amount> Prices { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;

    /// <summary>The start cost, keyed by lower-case currency code.</summary>
    public ImmutableSortedDictionary<string, Amount> SetupFees { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;

    public Amount? PriceIn(CurrencyCode currency) => Prices.TryGetValue(currency.Code, out var price) ? price : null;

    /// <summary>active or cancelled.</summary>
    public string? Status { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}
