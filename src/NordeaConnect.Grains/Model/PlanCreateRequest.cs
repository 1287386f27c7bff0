using System.Collections.Immutable;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A new billing plan (<c>POST /v1/plans</c>).</summary>
public sealed record PlanCreateRequest
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>days or months.</summary>
    public required string IntervalUnit { get; init; }

    public required int Interval { get; init; }

    /// <summary>0 means forever.</summary>
    public int Periods { get; init; }

    public int TrialLength { get; init; }

    public required ImmutableSortedDictionary<string, Amount> Prices { get; init; }

    public ImmutableSortedDictionary<string, Amount> SetupFees { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;
}
