using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Tests.Billing;

public sealed class BillingEngineTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryBillingLedger _ledger = new();
    private readonly ServiceProvider _services;

    public BillingEngineTests()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IBillingLedger>(_ledger)
            .AddSingleton<IBillingEvents>(_ledger)
            .AddSandboxClock(o => { o.StartAt = Start; o.StartFrozen = true; })
            .AddSandboxBilling()
            .BuildServiceProvider();
    }

    private BillingEngine Engine => _services.GetRequiredService<BillingEngine>();

    private SandboxClock Clock => _services.GetRequiredService<SandboxClock>();

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private static SubscriptionBilling Subscribe(long id, int periods = 0, int trialDays = 0, decimal setupFee = 0m, int quantity = 1, int interval = 1, BillingIntervalUnit unit = BillingIntervalUnit.Months) =>
        BillingSchedule.Start("3", id, new BillingTerms(interval, unit, periods, trialDays, Amount.FromDecimal(100m), Amount.FromDecimal(setupFee)), Start, quantity);

    private Task<BillingRunSummary> RunAsync() => Engine.RunDueAsync(Clock.GetUtcNow(), default);

    [Fact]
    public async Task A_fixed_term_plan_charges_each_period_then_completes()
    {
        _ledger.Put(Subscribe(1, periods: 3, setupFee: 25m, quantity: 2));

        Assert.Equal(new BillingRunSummary(1, 0, 0, 0), await RunAsync());
        Assert.Equal(new BillingRunSummary(0, 0, 0, 0), await RunAsync());
        Clock.SetTo(new DateTimeOffset(2030, 2, 28, 9, 0, 0, TimeSpan.Zero));
        await RunAsync();
        Clock.SetTo(new DateTimeOffset(2030, 3, 31, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(new BillingRunSummary(1, 0, 1, 0), await RunAsync());

        Assert.Equal(["225.00", "200.00", "200.00"], _ledger.Charges.Select(c => c.Amount.ToUpstreamString()));
        Assert.Equal([1, 2, 3], _ledger.Charges.Select(c => c.PeriodNumber));
        var done = _ledger.Get(1);
        Assert.Equal((SubscriptionBillingStatus.Completed, 0, (DateTimeOffset?)null), (done.Status, done.PeriodsLeft!.Value, done.NextAt));
        Assert.Equal(
            [BillingEventKind.ChargeSucceeded, BillingEventKind.ChargeSucceeded, BillingEventKind.ChargeSucceeded, BillingEventKind.Completed],
            _ledger.Events.Select(e => e.Kind));
        Assert.Equal("subscription_success", _ledger.Events[0].WebhookTrigger);
        Assert.Equal(1000, _ledger.Events[0].Outcome!.TransactionId);

        Clock.Advance(TimeSpan.FromDays(400));
        await RunAsync();
        Assert.Equal(3, _ledger.Charges.Count);
    }

    [Fact]
    public async Task Nothing_is_charged_during_the_trial()
    {
        _ledger.Put(Subscribe(2, trialDays: 14));
        await RunAsync();
        Clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        await RunAsync();
        Assert.Empty(_ledger.Charges);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync();
        Assert.Equal(Start.AddDays(14), Assert.Single(_ledger.Charges).DueAt);
        Assert.Equal(Start.AddDays(14).AddMonths(1), _ledger.Get(2).NextAt);
    }

    [Fact]
    public async Task A_jump_over_several_periods_charges_each_at_its_own_instant()
    {
        _ledger.Put(Subscribe(3));
        Clock.SetTo(new DateTimeOffset(2030, 6, 30, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new BillingRunSummary(6, 0, 0, 0), await RunAsync());
        Assert.Equal(
            new[] { (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30) },
            _ledger.Charges.Select(c => (c.DueAt.Month, c.DueAt.Day)));
        Assert.Equal(new DateTimeOffset(2030, 7, 31, 9, 0, 0, TimeSpan.Zero), _ledger.Get(3).NextAt);
    }

    [Fact]
    public async Task A_huge_jump_is_charged_in_bounded_runs_of_at_most_100()
    {
        _ledger.Put(Subscribe(4, unit: BillingIntervalUnit.Days));
        Clock.Advance(TimeSpan.FromDays(365));
        Assert.Equal(100, (await RunAsync()).Charged);
        Assert.Equal(100, (await RunAsync()).Charged);
        Assert.Equal(100, (await RunAsync()).Charged);
        Assert.Equal(66, (await RunAsync()).Charged);
        Assert.Equal(0, (await RunAsync()).Charged);
        Assert.Equal(366, _ledger.Get(4).PeriodsCharged);
    }

    [Fact]
    public async Task Failed_charges_raise_retry_count_until_a_success_resets_it()
    {
        var declines = 2;
        _ledger.Approve = _ => declines-- <= 0;
        _ledger.Put(Subscribe(5, setupFee: 10m) with { Debt = 5m });

        await RunAsync();
        var failed = _ledger.Get(5);
        Assert.Equal((1, Start.AddDays(1), 0), (failed.RetryCount, failed.NextAt!.Value, failed.PeriodsCharged));
        Assert.Equal("subscription_error", _ledger.Events.Single().WebhookTrigger);
        Assert.Equal("Do not honour", _ledger.Events.Single().Outcome!.Error);

        Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        Assert.Equal(2, _ledger.Get(5).RetryCount);

        Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        var recovered = _ledger.Get(5);
        Assert.Equal((0, 1, 0m, false), (recovered.RetryCount, recovered.PeriodsCharged, recovered.Debt, recovered.SetupFeePending));
        Assert.Equal([1, 2, 3], _ledger.Charges.Select(c => c.Attempt));
        Assert.All(_ledger.Charges, c => Assert.Equal("115.00", c.Amount.ToUpstreamString()));

        // Retries do not shift the schedule: the next period is a month after the anchor.
        Assert.Equal(new DateTimeOffset(2030, 2, 28, 9, 0, 0, TimeSpan.Zero), recovered.NextAt);
    }

    [Fact]
    public async Task A_card_that_keeps_failing_cancels_the_subscription_after_the_last_retry()
    {
        _ledger.Approve = _ => false;
        _ledger.Put(Subscribe(6));
        Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(new BillingRunSummary(0, 4, 0, 1), await RunAsync());

        var cancelled = _ledger.Get(6);
        Assert.Equal((SubscriptionBillingStatus.Cancelled, 4, (DateTimeOffset?)null), (cancelled.Status, cancelled.RetryCount, cancelled.NextAt));
        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(2), Start.AddDays(3)], _ledger.Charges.Select(c => c.DueAt));
        Assert.Equal(BillingEventKind.CancelledAfterFailedCharges, _ledger.Events[^1].Kind);
    }

    [Fact]
    public async Task A_discount_covering_the_period_charges_nothing_and_counts_the_period()
    {
        _ledger.Put(Subscribe(7) with { Debt = -100m });
        Assert.Equal(1, (await RunAsync()).Charged);
        Assert.Empty(_ledger.Charges);
        Assert.Equal((1, 0m), (_ledger.Get(7).PeriodsCharged, _ledger.Get(7).Debt));
        Assert.Null(_ledger.Events.Single().Outcome!.TransactionId);
    }

    [Fact]
    public async Task Debt_the_merchant_adds_during_a_charge_is_kept_for_the_next_one()
    {
        _ledger.Put(Subscribe(8) with { Debt = 20m });
        _ledger.DuringCharge = (ledger, charge) => ledger.Update(charge.SubscriptionId, s => s with { Debt = s.Debt + 7.5m });
        await RunAsync();
        Assert.Equal("120.00", _ledger.Charges.Single().Amount.ToUpstreamString());
        Assert.Equal(7.5m, _ledger.Get(8).Debt);
    }

    [Fact]
    public async Task A_cancel_during_a_charge_wins()
    {
        _ledger.Put(Subscribe(9));
        _ledger.DuringCharge = (ledger, charge) => ledger.Update(charge.SubscriptionId, BillingRules.Cancel);
        await RunAsync();
        var state = _ledger.Get(9);
        Assert.Equal((SubscriptionBillingStatus.Cancelled, (DateTimeOffset?)null, 1), (state.Status, state.NextAt, state.PeriodsCharged));
    }

    [Fact]
    public async Task Moving_the_clock_runs_the_engine_through_the_pulse()
    {
        _ledger.Put(Subscribe(10, trialDays: 30));
        Clock.Advance(TimeSpan.FromDays(31));
        await _services.GetRequiredService<ClockPulse>().PulseAsync(default);
        Assert.Single(_ledger.Charges);
    }

    [Fact]
    public async Task Concurrent_runs_never_charge_a_period_twice()
    {
        for (var id = 100; id < 120; id++)
        {
            _ledger.Put(Subscribe(id, unit: BillingIntervalUnit.Days));
        }

        Clock.Advance(TimeSpan.FromDays(9.5));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(RunAsync)));
        Assert.Equal(20 * 10, _ledger.Charges.Count);
        Assert.Equal(20 * 10, _ledger.Charges.Select(c => (c.SubscriptionId, c.PeriodNumber)).Distinct().Count());
    }
}
