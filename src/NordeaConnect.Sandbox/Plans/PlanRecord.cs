using System.Collections.Immutable;
using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>A billing plan: the template subscriptions are charged from.</summary>
internal sealed record PlanRecord
{
    public required long Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required int Interval { get; init; }

    /// <summary>days or months.</summary>
    public required string IntervalUnit { get; init; }

    /// <summary>How many periods to charge; 0 = forever.</summary>
    public required int Periods { get; init; }

    /// <summary>Days before the first charge; 0 = no trial.</summary>
    public required int TrialLength { get; init; }

    public required ImmutableSortedDictionary<string, Amount> Prices { get; init; }

    public required ImmutableSortedDictionary<string, Amount> SetupFees { get; init; }

    /// <summary>active or cancelled.</summary>
    public required string Status { get; init; }

    public string? Ref { get; init; }
}
