using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary><c>POST /v1/plans</c>: a billing plan. Plans cannot be updated through the API (only in the merchant portal).</summary>
public sealed class PlanCreateOptions
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>days or months (see <see cref="IntervalUnits"/>).</summary>
    public required string IntervalUnit { get; init; }

    /// <summary>How many units between payments, e.g. every 1 month.</summary>
    public required int Interval { get; init; }

    /// <summary>How many periods the plan runs; 0 means forever.</summary>
    public int? Periods { get; init; }

    /// <summary>Days before the first payment; 0 means no trial.</summary>
    public int? TrialLength { get; init; }

    /// <summary>The price of each payment, per currency; sent as JSON text such as <c>{"sek":"100.00"}</c>.</summary>
    public required IReadOnlyDictionary<CurrencyCode, Amount> Prices { get; init; }

    /// <summary>The start cost, per currency.</summary>
    public IReadOnlyDictionary<CurrencyCode, Amount>? SetupFees { get; init; }
}
