using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;

namespace NordeaConnect.Sandbox.Tests.Billing;

public sealed class BillingRulesTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 9, 0, 0, TimeSpan.Zero);
    private static readonly BillingOptions Options = new();

    private static SubscriptionBilling Subscription(decimal price = 100m, decimal setupFee = 0m, int periods = 0, int quantity = 1, decimal debt = 0m) =>
        BillingSchedule.Start("3", 1, new BillingTerms(1, BillingIntervalUnit.Months, periods, 0, Amount.FromDecimal(price), Amount.FromDecimal(setupFee)), Start, quantity, debt);

    [Theory]
    [InlineData(100, 0, 1, 0, "100.00", 0)]
    [InlineData(100, 0, 3, 0, "300.00", 0)]
    [InlineData(100, 50, 3, 0, "350.00", 0)]
    [InlineData(100, 50, 3, 25.5, "375.50", 0)]
    [InlineData(100, 0, 1, -30, "70.00", 0)]
    [InlineData(100, 0, 1, -100, "0.00", 0)]
    [InlineData(100, 50, 3, -400, "0.00", -50)]
    [InlineData(19.99, 0, 3, 0.01, "59.98", 0)]
    public void A_charge_is_price_times_quantity_plus_setup_fee_plus_debt(decimal price, decimal setupFee, int quantity, decimal debt, string amount, decimal carried)
    {
        var charge = BillingRules.Calculate(Subscription(price, setupFee, quantity: quantity, debt: debt));
        Assert.Equal(amount, charge.Amount.ToUpstreamString());
        Assert.Equal(carried, charge.DebtCarried);
        Assert.Equal(debt, charge.DebtApplied);
        Assert.Equal(price * quantity, charge.PeriodPrice.Value);
        Assert.Equal(setupFee, charge.SetupFee.Value);
        Assert.Equal(charge.Amount > Amount.Zero, charge.RequiresPayment);
    }

    [Fact]
    public void The_setup_fee_goes_with_the_first_successful_charge_only()
    {
        var first = Subscription(setupFee: 50m);
        var charge = BillingRules.Calculate(first);
        var second = BillingRules.AfterSuccess(first, charge);
        Assert.False(second.SetupFeePending);
        Assert.Equal("100.00", BillingRules.Calculate(second).Amount.ToUpstreamString());

        // A failed first charge keeps the fee for the retry.
        var failed = BillingRules.AfterFailure(first, Start, Options);
        Assert.True(failed.SetupFeePending);
        Assert.Equal("150.00", BillingRules.Calculate(failed).Amount.ToUpstreamString());
    }

    [Fact]
    public void A_charge_beyond_the_largest_amount_is_refused()
    {
        var huge = Subscription(price: 999_999_999_999m, quantity: 2);
        Assert.Throws<OverflowException>(() => BillingRules.Calculate(huge));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingRules.Calculate(Subscription() with { Quantity = 0 }));
    }

    [Fact]
    public void Success_uses_a_period_resets_retries_settles_debt_and_schedules_the_next_period_from_the_anchor()
    {
        var failedOnce = BillingRules.AfterFailure(Subscription(debt: 20m), Start, Options);
        var charged = BillingRules.AfterSuccess(failedOnce, BillingRules.Calculate(failedOnce));
        Assert.Equal((1, 1, 0, 0m), (charged.PeriodsCharged, charged.ChargesSinceAnchor, charged.RetryCount, charged.Debt));
        Assert.Equal(new DateTimeOffset(2030, 2, 28, 9, 0, 0, TimeSpan.Zero), charged.NextAt);

        var again = BillingRules.AfterSuccess(charged, BillingRules.Calculate(charged));
        Assert.Equal(new DateTimeOffset(2030, 3, 31, 9, 0, 0, TimeSpan.Zero), again.NextAt);
    }

    [Fact]
    public void A_discount_larger_than_the_period_carries_over()
    {
        var discounted = Subscription(debt: -250m);
        var afterFirst = BillingRules.AfterSuccess(discounted, BillingRules.Calculate(discounted));
        Assert.Equal(-150m, afterFirst.Debt);
        var afterSecond = BillingRules.AfterSuccess(afterFirst, BillingRules.Calculate(afterFirst));
        Assert.Equal(-50m, afterSecond.Debt);
        var third = BillingRules.Calculate(afterSecond);
        Assert.Equal(("50.00", 0m), (third.Amount.ToUpstreamString(), third.DebtCarried));
    }

    [Fact]
    public void The_last_period_completes_the_subscription()
    {
        var state = Subscription(periods: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SubscriptionBillingStatus.Active, state.Status);
            Assert.Equal(3 - i, state.PeriodsLeft);
            state = BillingRules.AfterSuccess(state, BillingRules.Calculate(state));
        }

        Assert.Equal((SubscriptionBillingStatus.Completed, 0, 3, (DateTimeOffset?)null), (state.Status, state.PeriodsLeft!.Value, state.PeriodsCharged, state.NextAt));
    }

    [Fact]
    public void A_plan_with_zero_periods_runs_forever()
    {
        var state = Subscription(periods: 0);
        for (var i = 0; i < 50; i++)
        {
            state = BillingRules.AfterSuccess(state, BillingRules.Calculate(state));
        }

        Assert.Equal((SubscriptionBillingStatus.Active, 50, (int?)null), (state.Status, state.PeriodsCharged, state.PeriodsLeft));
        Assert.Equal(Start.AddMonths(50), state.NextAt);
    }

    [Fact]
    public void Failures_retry_a_day_later_and_cancel_after_the_last_retry()
    {
        var state = Subscription(debt: 10m);
        var attemptedAt = Start;
        for (var retry = 1; retry <= Options.MaxRetries; retry++)
        {
            state = BillingRules.AfterFailure(state, attemptedAt, Options);
            Assert.Equal((retry, SubscriptionBillingStatus.Active, attemptedAt.AddDays(1)), (state.RetryCount, state.Status, state.NextAt!.Value));
            attemptedAt = state.NextAt!.Value;
        }

        state = BillingRules.AfterFailure(state, attemptedAt, Options);
        Assert.Equal((4, SubscriptionBillingStatus.Cancelled, (DateTimeOffset?)null, 10m, 0), (state.RetryCount, state.Status, state.NextAt, state.Debt, state.PeriodsCharged));
    }

    [Fact]
    public void Cancel_and_reactivate()
    {
        var cancelled = BillingRules.Cancel(Subscription());
        Assert.Equal((SubscriptionBillingStatus.Cancelled, (DateTimeOffset?)null), (cancelled.Status, cancelled.NextAt));

        var later = Start.AddDays(45);
        var active = BillingRules.Reactivate(cancelled with { RetryCount = 4, PeriodsCharged = 2 }, later);
        Assert.Equal((SubscriptionBillingStatus.Active, later, later, 0, 0, 2), (active.Status, active.NextAt!.Value, active.Anchor, active.RetryCount, active.ChargesSinceAnchor, active.PeriodsCharged));
        Assert.Same(active, BillingRules.Reactivate(active, later.AddDays(1)));

        var completed = Subscription() with { Status = SubscriptionBillingStatus.Completed, NextAt = null };
        Assert.Throws<InvalidOperationException>(() => BillingRules.Reactivate(completed, later));
        Assert.Same(completed, BillingRules.Cancel(completed));
    }

    [Fact]
    public void Merging_keeps_debt_added_and_a_cancel_sent_while_the_engine_charged()
    {
        var before = Subscription(debt: 20m);
        var after = BillingRules.AfterSuccess(before, BillingRules.Calculate(before));
        var update = new SubscriptionBillingUpdate(before, after);

        var merchantAddedDebt = before with { Debt = 35m };
        var merged = update.MergeInto(merchantAddedDebt);
        Assert.Equal((15m, 1, after.NextAt), (merged.Debt, merged.PeriodsCharged, merged.NextAt));

        var merchantCancelled = before with { Status = SubscriptionBillingStatus.Cancelled, NextAt = null };
        var stillCancelled = update.MergeInto(merchantCancelled);
        Assert.Equal((SubscriptionBillingStatus.Cancelled, (DateTimeOffset?)null, 1, 0m), (stillCancelled.Status, stillCancelled.NextAt, stillCancelled.PeriodsCharged, stillCancelled.Debt));

        Assert.Equal(after, update.MergeInto(before));
    }
}

public sealed class BillingPlanChangeTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 9, 0, 0, TimeSpan.Zero);

    private static BillingTerms Monthly(int periods = 0) => new(1, BillingIntervalUnit.Months, periods, 0, Amount.FromDecimal(100m), Amount.FromDecimal(30m));

    [Fact]
    public void A_new_plan_applies_from_the_next_charge_with_its_own_interval()
    {
        var state = BillingSchedule.Start("3", 1, Monthly(), Start);
        state = BillingRules.AfterSuccess(state, BillingRules.Calculate(state));
        state = BillingRules.AfterSuccess(state, BillingRules.Calculate(state));
        Assert.Equal(new DateTimeOffset(2030, 3, 31, 9, 0, 0, TimeSpan.Zero), state.NextAt);

        var weekly = new BillingTerms(7, BillingIntervalUnit.Days, 0, 0, Amount.FromDecimal(20m), Amount.FromDecimal(99m));
        var moved = BillingRules.ChangeTerms(state, weekly);
        Assert.Equal(state.NextAt, moved.NextAt);
        Assert.Equal("20.00", BillingRules.Calculate(moved).Amount.ToUpstreamString());
        var after = BillingRules.AfterSuccess(moved, BillingRules.Calculate(moved));
        Assert.Equal(new DateTimeOffset(2030, 4, 7, 9, 0, 0, TimeSpan.Zero), after.NextAt);
        Assert.Equal(3, after.PeriodsCharged);
    }

    [Fact]
    public void A_plan_with_no_periods_left_completes_the_subscription()
    {
        var state = BillingSchedule.Start("3", 1, Monthly(periods: 12), Start);
        for (var i = 0; i < 3; i++)
        {
            state = BillingRules.AfterSuccess(state, BillingRules.Calculate(state));
        }

        var shorter = BillingRules.ChangeTerms(state, Monthly(periods: 3));
        Assert.Equal((SubscriptionBillingStatus.Completed, (DateTimeOffset?)null), (shorter.Status, shorter.NextAt));
        var longer = BillingRules.ChangeTerms(state, Monthly(periods: 5));
        Assert.Equal((SubscriptionBillingStatus.Active, 2), (longer.Status, longer.PeriodsLeft!.Value));
        Assert.Throws<ArgumentException>(() => BillingRules.ChangeTerms(state, Monthly() with { Interval = 0 }));
    }
}
