using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Plans;

/// <summary>A plan's billing terms in one currency, as the billing engine charges them.</summary>
internal static class PlanTerms
{
    /// <summary>The terms for <paramref name="currency"/>, or a refusal when the plan has no price in it.</summary>
    public static BillingTerms For(PlanRecord plan, CurrencyCode currency)
    {
        if (!plan.Prices.TryGetValue(currency.Code, out var price))
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "currency", "the plan has no price in " + currency.Code);
        }

        var setupFee = plan.SetupFees.TryGetValue(currency.Code, out var fee) ? fee : Amount.Zero;
        return Validated(plan.Interval, plan.IntervalUnit, plan.Periods, plan.TrialLength, price, setupFee);
    }

    /// <summary>Builds terms, refusing values outside the engine's limits with the field's name.</summary>
    public static BillingTerms Validated(int interval, string intervalUnit, int periods, int trialLength, Amount price, Amount setupFee)
    {
        if (!BillingIntervalUnits.TryParse(intervalUnit, out var unit))
        {
            throw new ApiException(SandboxErrors.ParameterInvalid, "interval_unit", "expected days or months");
        }

        var terms = new BillingTerms(interval, unit, periods, trialLength, price, setupFee);
        try
        {
            terms.Validate();
        }
        catch (ArgumentException invalid)
        {
            var field = invalid.ParamName switch
            {
                nameof(BillingTerms.Interval) => "interval",
                nameof(BillingTerms.Periods) => "periods",
                nameof(BillingTerms.TrialLengthDays) => "trial_length",
                _ => "interval_unit",
            };
            throw new ApiException(SandboxErrors.ParameterInvalid, field, invalid.Message.Split(" (Parameter", 2)[0]);
        }

        return terms;
    }
}
