using System.Diagnostics.CodeAnalysis;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>The reference's <c>interval_unit</c>: days or months.</summary>
public enum BillingIntervalUnit
{
    Days,
    Months,
}

/// <summary>The wire spellings of <see cref="BillingIntervalUnit"/>.</summary>
public static class BillingIntervalUnits
{
    /// <summary>Reads "days" or "months" (any case; "day" and "month" too, as people write them).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BillingIntervalUnit unit)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "days" or "day":
                unit = BillingIntervalUnit.Days;
                return true;
            case "months" or "month":
                unit = BillingIntervalUnit.Months;
                return true;
            default:
                unit = default;
                return false;
        }
    }

    /// <summary>"days" or "months", as the reference writes them.</summary>
    public static string ToWire(this BillingIntervalUnit unit) => unit switch
    {
        BillingIntervalUnit.Days => "days",
        BillingIntervalUnit.Months => "months",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown interval unit."),
    };
}
