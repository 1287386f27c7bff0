using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>
/// A plan's billing terms in one subscription's currency: every <see cref="Interval"/> <see cref="Unit"/>, charge
/// <see cref="Price"/> (times the quantity), <see cref="Periods"/> times (0 = forever), after a trial of
/// <see cref="TrialLengthDays"/> days, with <see cref="SetupFee"/> added to the first charge.
/// </summary>
public sealed record BillingTerms(int Interval, BillingIntervalUnit Unit, int Periods, int TrialLengthDays, Amount Price, Amount SetupFee)
{
    /// <summary>Longest interval accepted: ten years, in either unit.</summary>
    public const int MaxIntervalDays = 3660;

    /// <summary>Longest interval accepted in months.</summary>
    public const int MaxIntervalMonths = 120;

    /// <summary>Most periods a plan may have (beyond that, use 0 = forever).</summary>
    public const int MaxPeriods = 10_000;

    /// <summary>Longest trial accepted: ten years.</summary>
    public const int MaxTrialLengthDays = 3660;

    /// <summary>
    /// Checks the terms; throws <see cref="ArgumentException"/> naming the field (interval, interval_unit, periods,
    /// trial_length) and its allowed range, so plan creation can answer with a clear 400.
    /// </summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Unit))
        {
            throw new ArgumentException("interval_unit must be days or months.", nameof(Unit));
        }

        var maxInterval = Unit == BillingIntervalUnit.Days ? MaxIntervalDays : MaxIntervalMonths;
        if (Interval < 1 || Interval > maxInterval)
        {
            throw new ArgumentException(
                "interval must be a whole number from 1 to " + maxInterval.ToString(CultureInfo.InvariantCulture) + " " + Unit.ToWire() + ".",
                nameof(Interval));
        }

        if (Periods is < 0 or > MaxPeriods)
        {
            throw new ArgumentException("periods must be from 0 (forever) to " + MaxPeriods.ToString(CultureInfo.InvariantCulture) + ".", nameof(Periods));
        }

        if (TrialLengthDays is < 0 or > MaxTrialLengthDays)
        {
            throw new ArgumentException("trial_length must be from 0 (no trial) to " + MaxTrialLengthDays.ToString(CultureInfo.InvariantCulture) + " days.", nameof(TrialLengthDays));
        }
    }
}
