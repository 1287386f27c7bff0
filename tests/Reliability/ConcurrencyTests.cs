using System.Globalization;
using NordeaConnect.Reliability.Tests.Infrastructure;

namespace NordeaConnect.Reliability.Tests;

[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrencyTests(ReliabilityEnvironment environment)
{
    [Fact]
    public async Task Conflicting_captures_and_refunds_on_one_transaction_never_exceed_what_was_authorized()
    {
        var channel = environment.Gateway.Channel;
        var id = await Payments.CreateAsync(channel, "300.00", authorize: true);

        // Ten captures of the full amount and forty refunds of 20.00 at once: one capture can win, and refunds
        // can only take what a capture made available, never more than 300.00 in all.
        var captures = Enumerable.Range(0, 10).Select(_ => Payments.SettleAsync(() => Payments.CaptureAsync(channel, id, "300.00", Guid.NewGuid().ToString())));
        var refunds = Enumerable.Range(0, 40).Select(_ => Payments.SettleAsync(() => Payments.RefundAsync(channel, id, "20.00", Guid.NewGuid().ToString())));
        var captureOutcomes = await Task.WhenAll(captures);
        var refundOutcomes = await Task.WhenAll(refunds);

        // After the storm, refunds settle on the captured payment.
        var later = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Payments.SettleAsync(() => Payments.RefundAsync(channel, id, "20.00", Guid.NewGuid().ToString()))));
        var ledger = await environment.Sandbox.RefundsOfAsync(id);
        var succeeded = refundOutcomes.Concat(later).Where(o => o.Kind == OutcomeKind.Succeeded).ToArray();

        Assert.Equal(1, captureOutcomes.Count(o => o.Kind == OutcomeKind.Succeeded));
        Assert.All(captureOutcomes.Concat(refundOutcomes).Concat(later), o => Assert.NotEqual(OutcomeKind.InDoubt, o.Kind));
        Assert.Equal(15, ledger.Count);
        Assert.Equal(300.00m, ledger.Sum(r => r.Amount));
        Assert.Equal(ledger.Select(r => r.Id).Order(), succeeded.Select(o => o.RefundId!.Value).Order());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_refund_once()
    {
        var channel = environment.Gateway.Channel;
        var id = await Payments.CreateAsync(channel, "100.00");
        var key = "retry-" + Guid.NewGuid().ToString("N");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Payments.SettleAsync(() => Payments.RefundAsync(channel, id, "40.00", key))));
        var ledger = await environment.Sandbox.RefundsOfAsync(id);

        var refund = Assert.Single(ledger);
        Assert.Equal(40.00m, refund.Amount);
        Assert.All(outcomes, o => Assert.True(o.Kind == OutcomeKind.Succeeded && o.RefundId == refund.Id, o.Kind + " " + o.Code + " " + o.RefundId?.ToString(CultureInfo.InvariantCulture)));
    }
}
