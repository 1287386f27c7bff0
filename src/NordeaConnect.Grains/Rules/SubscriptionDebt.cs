using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// Subscription debt arithmetic. Debt is signed (negative is a discount on the next charge), so it is a decimal with
/// exactly two decimals rather than an <see cref="Amount"/>, bounded by <see cref="Amount.MaxValue"/> either way.
/// </summary>
internal static class SubscriptionDebt
{
    public static Refusal? CheckDelta(decimal delta)
    {
        if (decimal.Round(delta, 2) != delta)
        {
            return new Refusal(ResultCode.InvalidAmount, "A debt change has at most two decimals; " + delta.ToString(CultureInfo.InvariantCulture) + " has more.");
        }

        if (delta == 0m)
        {
            return new Refusal(ResultCode.InvalidAmount, "A debt change must not be 0.00.");
        }

        return Math.Abs(delta) > Amount.MaxValue.Value
            ? new Refusal(ResultCode.InvalidAmount, "A debt change cannot exceed " + Amount.MaxValue.ToUpstreamString() + " either way.")
            : null;
    }

    /// <summary>The debt after adding <paramref name="delta"/>, or a refusal when it would leave the allowed range.</summary>
    public static (decimal Debt, Refusal? Refusal) Add(decimal current, decimal delta)
    {
        if (CheckDelta(delta) is { } refusal)
        {
            return (current, refusal);
        }

        var next = Normalize(current + delta);
        return Math.Abs(next) > Amount.MaxValue.Value
            ? (current, new Refusal(ResultCode.InvalidAmount, "The debt would become " + Format(next) + ", beyond the allowed " + Amount.MaxValue.ToUpstreamString() + "."))
            : (next, null);
    }

    /// <summary>The upstream's form: a dot and two decimals, a leading minus when negative.</summary>
    public static string Format(decimal debt) => Normalize(debt).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Scale two, rounding what upstream may send with more precision half away from zero.</summary>
    public static decimal Normalize(decimal debt) => decimal.Round(debt, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
