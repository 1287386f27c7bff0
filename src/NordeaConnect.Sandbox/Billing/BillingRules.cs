using NordeaConnect.Primitives;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>
/// The billing rules as pure functions: what a charge takes, and the state after it succeeds or fails. The engine
/// applies them; tests pin them down without a clock or a store.
/// </summary>
public static class BillingRules
{
    /// <summary>price × quantity, plus the setup fee if still pending, plus the debt (which may be negative).</summary>
    /// <exception cref="OverflowException">The total exceeds the largest amount.</exception>
    public static ChargeCalculation Calculate(SubscriptionBilling subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentOutOfRangeException.ThrowIfLessThan(subscription.Quantity, 1);
        var periodPrice = subscription.Terms.Price.Value * subscription.Quantity;
        var setupFee = subscription.SetupFeePending ? subscription.Terms.SetupFee : Amount.Zero;
        var total = decimal.Round(periodPrice + setupFee.Value + subscription.Debt, 2, MidpointRounding.AwayFromZero);
        if (periodPrice > Amount.MaxValue.Value || total > Amount.MaxValue.Value)
        {
            throw new OverflowException("The charge for subscription " + subscription.SubscriptionId.ToString(System.Globalization.CultureInfo.InvariantCulture) + " exceeds the largest amount, " + Amount.MaxValue.ToUpstreamString() + ".");
        }

        return total <= 0
            ? new ChargeCalculation(Amount.Zero, Amount.FromDecimal(periodPrice), setupFee, subscription.Debt, total)
            : new ChargeCalculation(Amount.FromDecimal(total), Amount.FromDecimal(periodPrice), setupFee, subscription.Debt, 0m);
    }

    /// <summary>
    /// After a successful charge (or a period a discount covered): one more period used, retries reset, debt
    /// replaced by what was carried, setup fee settled; next charge one interval on from the anchor, or none and
    /// completed when the plan's periods are used up.
    /// </summary>
    public static SubscriptionBilling AfterSuccess(SubscriptionBilling subscription, ChargeCalculation charge)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var periodsCharged = subscription.PeriodsCharged + 1;
        var sinceAnchor = subscription.ChargesSinceAnchor + 1;
        var completed = subscription.Terms.Periods > 0 && periodsCharged >= subscription.Terms.Periods;
        return subscription with
        {
            PeriodsCharged = periodsCharged,
            ChargesSinceAnchor = sinceAnchor,
            RetryCount = 0,
            Debt = charge.DebtCarried,
            SetupFeePending = false,
            Status = completed ? SubscriptionBillingStatus.Completed : subscription.Status,
            NextAt = completed ? null : BillingSchedule.ChargeAt(subscription.Anchor, sinceAnchor, subscription.Terms.Interval, subscription.Terms.Unit),
        };
    }

    /// <summary>
    /// After a failed charge: <c>retry_count</c> goes up and the same period is tried again
    /// <see cref="BillingOptions.RetryDelay"/> after the attempt; after <see cref="BillingOptions.MaxRetries"/> retries
    /// have failed too, the subscription is cancelled. Debt and setup fee stay for the next successful charge.
    /// </summary>
    public static SubscriptionBilling AfterFailure(SubscriptionBilling subscription, DateTimeOffset attemptedAt, BillingOptions options)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(options);
        var retryCount = subscription.RetryCount + 1;
        return retryCount > options.MaxRetries
            ? subscription with { RetryCount = retryCount, Status = SubscriptionBillingStatus.Cancelled, NextAt = null }
            : subscription with { RetryCount = retryCount, NextAt = attemptedAt + options.RetryDelay };
    }

    /// <summary>A cancel (by the merchant's <c>status=cancelled</c>): no more charges until reactivated.</summary>
    public static SubscriptionBilling Cancel(SubscriptionBilling subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Status == SubscriptionBillingStatus.Completed
            ? subscription
            : subscription with { Status = SubscriptionBillingStatus.Cancelled, NextAt = null };
    }

    /// <summary>
    /// <c>status=active</c> on a cancelled subscription: billing restarts now, periods counted from now, retries
    /// reset. Periods already used stay used. An active subscription is returned unchanged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The subscription is completed: all its periods are charged.</exception>
    public static SubscriptionBilling Reactivate(SubscriptionBilling subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Status switch
        {
            SubscriptionBillingStatus.Active => subscription,
            SubscriptionBillingStatus.Completed => throw new InvalidOperationException("The subscription has charged all its periods and cannot be made active again."),
            _ => subscription with
            {
                Status = SubscriptionBillingStatus.Active,
                RetryCount = 0,
                Anchor = now,
                ChargesSinceAnchor = 0,
                NextAt = now,
            },
        };
    }

    /// <summary>
    /// Moving the subscription to another plan (<c>plan_id</c>): the new terms apply from the next charge, which
    /// stays where it was; later charges count the new interval from it. Periods already charged stay used, so a
    /// plan with no more periods left completes the subscription. The setup fee is not charged again.
    /// </summary>
    public static SubscriptionBilling ChangeTerms(SubscriptionBilling subscription, BillingTerms terms)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(terms);
        terms.Validate();
        var moved = subscription with { Terms = terms, Anchor = subscription.NextAt ?? subscription.Anchor, ChargesSinceAnchor = 0 };
        return subscription.Status == SubscriptionBillingStatus.Active && terms.Periods > 0 && subscription.PeriodsCharged >= terms.Periods
            ? moved with { Status = SubscriptionBillingStatus.Completed, NextAt = null }
            : moved;
    }
}
