namespace NordeaConnect.Sandbox.Billing;

/// <summary>When charges fall due. Pure functions of the terms and the anchor.</summary>
public static class BillingSchedule
{
    /// <summary>The first charge: after the trial (<c>trial_length</c> days), or at once without one.</summary>
    public static DateTimeOffset FirstChargeAt(DateTimeOffset startedAt, int trialLengthDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trialLengthDays);
        return startedAt.AddDays(trialLengthDays);
    }

    /// <summary>
    /// The charge <paramref name="periodsAfterAnchor"/> intervals after <paramref name="anchor"/>. Months are added
    /// to the anchor, not chained from the previous charge, and clamp to the month's last day: an anchor on
    /// 31 January charges on 28 (or 29) February, then 31 March, 30 April, 31 May.
    /// Returns <see cref="DateTimeOffset.MaxValue"/> when the date would lie beyond the calendar's end.
    /// </summary>
    public static DateTimeOffset ChargeAt(DateTimeOffset anchor, int periodsAfterAnchor, int interval, BillingIntervalUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(periodsAfterAnchor);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        var steps = (long)periodsAfterAnchor * interval;
        try
        {
            return unit switch
            {
                BillingIntervalUnit.Days => steps > 3_700_000 ? DateTimeOffset.MaxValue : anchor.AddDays(steps),
                BillingIntervalUnit.Months => steps > 120_000 ? DateTimeOffset.MaxValue : anchor.AddMonths((int)steps),
                _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown interval unit."),
            };
        }
        catch (ArgumentOutOfRangeException) when (Enum.IsDefined(unit))
        {
            return DateTimeOffset.MaxValue;
        }
    }

    /// <summary>The billing state of a subscription that starts at <paramref name="startedAt"/>: active, first charge after the trial.</summary>
    public static SubscriptionBilling Start(string merchantId, long subscriptionId, BillingTerms terms, DateTimeOffset startedAt, int quantity = 1, decimal debt = 0)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var first = FirstChargeAt(startedAt, terms.TrialLengthDays);
        return new SubscriptionBilling
        {
            MerchantId = merchantId,
            SubscriptionId = subscriptionId,
            Terms = terms,
            Status = SubscriptionBillingStatus.Active,
            Anchor = first,
            NextAt = first,
            Quantity = quantity,
            Debt = debt,
            SetupFeePending = terms.SetupFee > Primitives.Amount.Zero,
        };
    }
}
