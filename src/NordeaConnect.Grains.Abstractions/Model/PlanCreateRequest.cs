using System.Collections.Immutable;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>A new billing plan (<c>POST /v1/plans</c>).</summary>
[GenerateSerializer, Immutable, Alias("nordeaconnect.PlanCreateRequest")]
public sealed record PlanCreateRequest
{
    [Id(0)]
    public required string Name { get; init; }

    [Id(1)]
    public string? Description { get; init; }

    /// <summary>days or months.</summary>
    [Id(2)]
    public required string IntervalUnit { get; init; }

    [Id(3)]
    public required int Interval { get; init; }

    /// <summary>0 means forever.</summary>
    [Id(4)]
    public int Periods { get; init; }

    [Id(5)]
    public int TrialLength { get; init; }

    [Id(6)]
    public required ImmutableSortedDictionary<string, Amount> Prices { get; init; }

    [Id(7)]
    public ImmutableSortedDictionary<string, Amount> SetupFees { get; init; } = ImmutableSortedDictionary<string, Amount>.Empty;
}
