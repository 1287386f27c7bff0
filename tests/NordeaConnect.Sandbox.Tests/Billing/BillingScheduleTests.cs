using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;

namespace NordeaConnect.Sandbox.Tests.Billing;

public sealed class BillingScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 10, int minute = 36) => new(year, month, day, hour, minute, 33, TimeSpan.Zero);

    [Fact]
    public void Without_a_trial_the_first_charge_is_due_at_the_start()
    {
        Assert.Equal(Utc(2030, 1, 31), BillingSchedule.FirstChargeAt(Utc(2030, 1, 31), 0));
    }

    [Theory]
    [InlineData(2030, 1, 20, 14, 2030, 2, 3)]
    [InlineData(2028, 2, 15, 14, 2028, 2, 29)]
    [InlineData(2029, 2, 15, 14, 2029, 3, 1)]
    [InlineData(2030, 12, 25, 30, 2031, 1, 24)]
    public void A_trial_of_n_days_puts_the_first_charge_n_days_later(int y, int m, int d, int trial, int ey, int em, int ed) =>
        Assert.Equal(Utc(ey, em, ed), BillingSchedule.FirstChargeAt(Utc(y, m, d), trial));

    [Theory]
    // Anchored on the 31st: each month's last day, never drifting to the 28th.
    [InlineData(2030, 1, 31, 1, 1, 2030, 2, 28)]
    [InlineData(2030, 1, 31, 2, 1, 2030, 3, 31)]
    [InlineData(2030, 1, 31, 3, 1, 2030, 4, 30)]
    [InlineData(2030, 1, 31, 4, 1, 2030, 5, 31)]
    [InlineData(2030, 1, 31, 12, 1, 2031, 1, 31)]
    // Leap years: February 29 exists in 2028 and 2032, not in 2029.
    [InlineData(2028, 1, 31, 1, 1, 2028, 2, 29)]
    [InlineData(2028, 2, 29, 1, 12, 2029, 2, 28)]
    [InlineData(2028, 2, 29, 4, 12, 2032, 2, 29)]
    [InlineData(2100, 1, 29, 1, 1, 2100, 2, 28)]
    [InlineData(2000, 1, 30, 1, 1, 2000, 2, 29)]
    // Every three months from 30 November.
    [InlineData(2029, 11, 30, 1, 3, 2030, 2, 28)]
    [InlineData(2029, 11, 30, 2, 3, 2030, 5, 30)]
    [InlineData(2029, 11, 30, 3, 3, 2030, 8, 30)]
    // Period zero is the anchor itself.
    [InlineData(2030, 6, 15, 0, 1, 2030, 6, 15)]
    public void Monthly_charges_count_from_the_anchor_and_clamp_to_month_end(int y, int m, int d, int periods, int interval, int ey, int em, int ed) =>
        Assert.Equal(Utc(ey, em, ed), BillingSchedule.ChargeAt(Utc(y, m, d), periods, interval, BillingIntervalUnit.Months));

    [Theory]
    [InlineData(2030, 1, 31, 1, 7, 2030, 2, 7)]
    [InlineData(2028, 2, 22, 1, 7, 2028, 2, 29)]
    [InlineData(2028, 2, 22, 2, 7, 2028, 3, 7)]
    [InlineData(2030, 1, 1, 12, 30, 2030, 12, 27)]
    [InlineData(2028, 1, 1, 1, 366, 2029, 1, 1)]
    public void Daily_intervals_add_whole_days(int y, int m, int d, int periods, int interval, int ey, int em, int ed) =>
        Assert.Equal(Utc(ey, em, ed), BillingSchedule.ChargeAt(Utc(y, m, d), periods, interval, BillingIntervalUnit.Days));

    [Fact]
    public void The_time_of_day_is_kept()
    {
        var next = BillingSchedule.ChargeAt(Utc(2030, 1, 31, 23, 59), 1, 1, BillingIntervalUnit.Months);
        Assert.Equal(Utc(2030, 2, 28, 23, 59), next);
    }

    [Fact]
    public void Dates_beyond_the_calendar_never_fall_due()
    {
        Assert.Equal(DateTimeOffset.MaxValue, BillingSchedule.ChargeAt(Utc(9999, 6, 1), 12, 1, BillingIntervalUnit.Months));
        Assert.Equal(DateTimeOffset.MaxValue, BillingSchedule.ChargeAt(Utc(2030, 1, 1), 10_000, 3660, BillingIntervalUnit.Days));
        Assert.Equal(DateTimeOffset.MaxValue, BillingSchedule.ChargeAt(Utc(2030, 1, 1), 10_000, 120, BillingIntervalUnit.Months));
    }

    [Fact]
    public void Invalid_schedule_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.ChargeAt(Utc(2030, 1, 1), -1, 1, BillingIntervalUnit.Days));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.ChargeAt(Utc(2030, 1, 1), 1, 0, BillingIntervalUnit.Days));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.ChargeAt(Utc(2030, 1, 1), 1, 1, (BillingIntervalUnit)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.FirstChargeAt(Utc(2030, 1, 1), -1));
    }

    [Fact]
    public void Starting_a_subscription_schedules_its_first_charge_after_the_trial()
    {
        var terms = new BillingTerms(1, BillingIntervalUnit.Months, 12, 14, Amount.FromDecimal(99m), Amount.FromDecimal(10m));
        var started = BillingSchedule.Start("3", 1, terms, Utc(2030, 1, 17), quantity: 2);
        Assert.Equal((SubscriptionBillingStatus.Active, Utc(2030, 1, 31), Utc(2030, 1, 31), 2, true), (started.Status, started.Anchor, started.NextAt!.Value, started.Quantity, started.SetupFeePending));
        Assert.Equal((12, 12, 0, 0), (started.TotalPeriods, started.PeriodsLeft!.Value, started.PeriodsCharged, started.RetryCount));

        var forever = BillingSchedule.Start("3", 2, terms with { Periods = 0, SetupFee = Amount.Zero }, Utc(2030, 1, 17));
        Assert.Null(forever.PeriodsLeft);
        Assert.False(forever.SetupFeePending);
        Assert.Throws<ArgumentOutOfRangeException>(() => BillingSchedule.Start("3", 3, terms, Utc(2030, 1, 17), quantity: 0));
    }

    [Theory]
    [InlineData(0, BillingIntervalUnit.Months, 0, 0, "interval must be a whole number from 1 to 120 months")]
    [InlineData(121, BillingIntervalUnit.Months, 0, 0, "interval must be a whole number from 1 to 120 months")]
    [InlineData(3661, BillingIntervalUnit.Days, 0, 0, "interval must be a whole number from 1 to 3660 days")]
    [InlineData(1, (BillingIntervalUnit)5, 0, 0, "interval_unit must be days or months")]
    [InlineData(1, BillingIntervalUnit.Days, -1, 0, "periods must be from 0 (forever)")]
    [InlineData(1, BillingIntervalUnit.Days, 10_001, 0, "periods must be from 0 (forever)")]
    [InlineData(1, BillingIntervalUnit.Days, 0, -1, "trial_length must be from 0 (no trial)")]
    public void Invalid_terms_are_refused_naming_the_field(int interval, BillingIntervalUnit unit, int periods, int trial, string reason)
    {
        var terms = new BillingTerms(interval, unit, periods, trial, Amount.FromDecimal(1m), Amount.Zero);
        var error = Assert.Throws<ArgumentException>(terms.Validate);
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("days", BillingIntervalUnit.Days)]
    [InlineData("Months", BillingIntervalUnit.Months)]
    [InlineData(" month ", BillingIntervalUnit.Months)]
    [InlineData("day", BillingIntervalUnit.Days)]
    public void Interval_units_parse_and_print_in_the_references_words(string text, BillingIntervalUnit expected)
    {
        Assert.True(BillingIntervalUnits.TryParse(text, out var unit));
        Assert.Equal(expected, unit);
        Assert.Equal(expected == BillingIntervalUnit.Days ? "days" : "months", unit.ToWire());
        Assert.False(BillingIntervalUnits.TryParse("weeks", out _));
        Assert.False(BillingIntervalUnits.TryParse(null, out _));
    }

    [Fact]
    public void Statuses_parse_and_print()
    {
        foreach (var status in Enum.GetValues<SubscriptionBillingStatus>())
        {
            Assert.True(SubscriptionBillingStatuses.TryParse(status.ToWire(), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.True(SubscriptionBillingStatuses.TryParse("Canceled", out var american));
        Assert.Equal(SubscriptionBillingStatus.Cancelled, american);
        Assert.False(SubscriptionBillingStatuses.TryParse("paused", out _));
    }
}
