using Refit;

namespace NordeaConnect.Client;

/// <summary>The form of <c>POST /v1/plans</c>; prices and setup fees travel as JSON text such as <c>{"sek":"100.00"}</c>.</summary>
public sealed class PlanForm
{
    [AliasAs("name")]
    public required string Name { get; init; }

    [AliasAs("description")]
    public string? Description { get; init; }

    [AliasAs("interval_unit")]
    public required string IntervalUnit { get; init; }

    [AliasAs("interval")]
    public required int Interval { get; init; }

    [AliasAs("periods")]
    public int? Periods { get; init; }

    [AliasAs("trial_length")]
    public int? TrialLength { get; init; }

    [AliasAs("prices")]
    public required string Prices { get; init; }

    [AliasAs("setup_fees")]
    public string? SetupFees { get; init; }
}
