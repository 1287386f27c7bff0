using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>How many of each outcome one engine run produced.</summary>
public sealed record BillingRunSummary(int Charged, int Failed, int Completed, int Cancelled);

/// <summary>
/// Charges due subscriptions whenever sandbox time moves (it is a clock listener) or when asked. Each charge
/// happens "at" its scheduled instant, so a clock moved six months ahead charges every missed month in order,
/// with retries at their own scheduled instants in between.
/// </summary>
public sealed partial class BillingEngine : IClockListener, IDisposable
{
    private readonly IBillingLedger _ledger;
    private readonly IBillingEvents[] _events;
    private readonly BillingOptions _options;
    private readonly ILogger<BillingEngine> _logger;
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    public BillingEngine(IBillingLedger ledger, IEnumerable<IBillingEvents> events, IOptions<BillingOptions> options, ILogger<BillingEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        _ledger = ledger;
        _events = [.. events];
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Charges every subscription due at <paramref name="now"/>. Runs never overlap.</summary>
    public async Task<BillingRunSummary> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _oneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tally = new Tally();
            foreach (var subscription in _ledger.GetDueSubscriptions(now).OrderBy(s => s.NextAt).ThenBy(s => s.SubscriptionId))
            {
                await BillAsync(subscription, now, tally, cancellationToken).ConfigureAwait(false);
            }

            return new BillingRunSummary(tally.Charged, tally.Failed, tally.Completed, tally.Cancelled);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    /// <inheritdoc />
    Task IClockListener.OnClockMovedAsync(DateTimeOffset now, CancellationToken cancellationToken) => RunDueAsync(now, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _oneRunAtATime.Dispose();

    private async Task BillAsync(SubscriptionBilling subscription, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        SubscriptionBilling? state = subscription;
        for (var i = 0; i < _options.MaxChargesPerRun && state is { Status: SubscriptionBillingStatus.Active, NextAt: { } dueAt } && dueAt <= now; i++)
        {
            var (charge, outcome) = await ChargeAsync(state, dueAt, cancellationToken).ConfigureAwait(false);
            var after = outcome.Succeeded
                ? BillingRules.AfterSuccess(state, charge.Calculation)
                : BillingRules.AfterFailure(state, dueAt, _options);
            var stored = _ledger.Apply(new SubscriptionBillingUpdate(state, after));
            if (stored is null)
            {
                return;
            }

            LogCharge(_logger, stored.SubscriptionId, stored.MerchantId, charge.Amount.ToUpstreamString(), dueAt, outcome.Succeeded, stored.RetryCount);
            if (outcome.Succeeded)
            {
                tally.Charged++;
                await RaiseAsync(new BillingEvent(BillingEventKind.ChargeSucceeded, stored, charge, outcome), cancellationToken).ConfigureAwait(false);
                if (stored.Status == SubscriptionBillingStatus.Completed)
                {
                    tally.Completed++;
                    await RaiseAsync(new BillingEvent(BillingEventKind.Completed, stored, charge, outcome), cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                tally.Failed++;
                await RaiseAsync(new BillingEvent(BillingEventKind.ChargeFailed, stored, charge, outcome), cancellationToken).ConfigureAwait(false);
                if (after.Status == SubscriptionBillingStatus.Cancelled && stored.Status == SubscriptionBillingStatus.Cancelled)
                {
                    tally.Cancelled++;
                    await RaiseAsync(new BillingEvent(BillingEventKind.CancelledAfterFailedCharges, stored, charge, outcome), cancellationToken).ConfigureAwait(false);
                }
            }

            state = stored;
        }
    }

    private async Task<(SubscriptionCharge Charge, ChargeOutcome Outcome)> ChargeAsync(SubscriptionBilling state, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ChargeCalculation calculation;
        try
        {
            calculation = BillingRules.Calculate(state);
        }
        catch (OverflowException exception)
        {
            var refused = new SubscriptionCharge(state.MerchantId, state.SubscriptionId, Primitives.Amount.Zero, dueAt, state.PeriodsCharged + 1, state.RetryCount + 1, state.Quantity, default);
            return (refused, ChargeOutcome.Failure(null, exception.Message));
        }

        var charge = new SubscriptionCharge(state.MerchantId, state.SubscriptionId, calculation.Amount, dueAt, state.PeriodsCharged + 1, state.RetryCount + 1, state.Quantity, calculation);

        // A period wholly covered by a discount needs no transaction.
        var outcome = calculation.RequiresPayment
            ? await _ledger.ChargeAsync(charge, cancellationToken).ConfigureAwait(false)
            : ChargeOutcome.Success(null);
        return (charge, outcome);
    }

    private async Task RaiseAsync(BillingEvent billingEvent, CancellationToken cancellationToken)
    {
        foreach (var listener in _events)
        {
            try
            {
                await listener.OnBillingEventAsync(billingEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The charge is done and stored; a failing webhook hook must not undo or repeat it.
                LogEventFailed(_logger, exception, billingEvent.Kind, billingEvent.Subscription.SubscriptionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} of merchant {MerchantId}: charge of {Amount} due {DueAt} succeeded: {Succeeded} (retry_count {RetryCount})")]
    private static partial void LogCharge(ILogger logger, long subscriptionId, string merchantId, string amount, DateTimeOffset dueAt, bool succeeded, int retryCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "A billing event listener failed on {Kind} for subscription {SubscriptionId}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, BillingEventKind kind, long subscriptionId);

    private sealed class Tally
    {
        public int Charged { get; set; }

        public int Failed { get; set; }

        public int Completed { get; set; }

        public int Cancelled { get; set; }
    }
}
