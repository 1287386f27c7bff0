using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

/// <summary>
/// The sandbox applies a call and never answers; reads fail too, so the node cannot settle the outcome before it goes
/// away. A new node on the same PostgreSQL then finds the entry in doubt and reconciles it at activation.
/// </summary>
public sealed class RestartReconciliationTests
{
    [Fact]
    public async Task A_refund_applied_but_unanswered_is_reconciled_after_a_restart_and_never_repeated()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        long id;
        await using (var first = await SandboxNode.StartAsync(sandbox, postgres))
        {
            id = await SandboxOrders.CapturedAsync(first, "100.00");
            await first.Grains.GetGrain<ITransactionGrain>(id).RefundAsync(Amount.Parse("30.00"), "same", "earlier-equal-refund");
            sandbox.Faults.Add(new FaultRuleSpec { Method = "POST", Path = "/v1/refunds", Fault = FaultKind.ApplyThenDrop, Count = 1 });
            sandbox.Faults.Add(new FaultRuleSpec { Method = "GET", Path = "/v1/transactions/**", Fault = FaultKind.Drop });

            var lost = await first.Grains.GetGrain<ITransactionGrain>(id).RefundAsync(Amount.Parse("30.00"), "same", "in-doubt");

            Assert.Equal(ResultCode.OutcomeUnknown, lost.Code);
            Assert.Equal(2, sandbox.Ledger.RefundsOf(id).Count);
        }

        sandbox.Faults.Clear();
        await using var second = await SandboxNode.StartAsync(sandbox, postgres);
        var grain = second.Grains.GetGrain<ITransactionGrain>(id);

        // The first call activates the grain, which settles the entry before this call's turn runs.
        var retry = await grain.RefundAsync(Amount.Parse("30.00"), "same", "in-doubt");
        var tooMuch = await grain.RefundAsync(Amount.Parse("40.01"), "more", "too-much");

        Assert.True(retry.Succeeded, retry.Description);
        Assert.True(retry.Replayed);
        Assert.Equal(ResultCode.RefundExceedsAvailable, tooMuch.Code);
        Assert.Equal(0, second.UpstreamCalls["POST /v1/refunds"]);
        var booked = sandbox.Ledger.RefundsOf(id);
        Assert.Equal(2, booked.Count);
        Assert.Equal(booked.Max(refund => refund.Id), retry.Value!.Id);
        var entry = (await grain.GetJournalAsync()).Single(e => e.Key == "in-doubt");
        Assert.Equal(JournalStatus.Done, entry.Status);
        Assert.Contains(entry.Notes, note => note.Text.StartsWith("Outcome unknown", StringComparison.Ordinal));
        Assert.Contains(entry.Notes, note => note.Text.StartsWith("Reconciliation could not read upstream", StringComparison.Ordinal));
        Assert.Contains("1 were known at intent", entry.Notes[^1].Text, StringComparison.Ordinal);
        Assert.Contains("is new since the intent, so the refund was carried out", entry.Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capture_applied_while_the_call_hung_is_reconciled_after_a_restart()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        // The payment is made by a node with the usual timeouts: the short one is for the call under test only.
        var id = await MadeByAnotherNodeAsync(sandbox, postgres, node => SandboxOrders.AuthorizedAsync(node, "40.00"));
        await using (var first = await SandboxNode.StartAsync(sandbox, postgres, client => client.AttemptTimeout = TimeSpan.FromSeconds(1)))
        {
            sandbox.Faults.Add(new FaultRuleSpec { Method = "PUT", Path = "/v1/transactions/*/capture", Fault = FaultKind.ApplyThenHang, HangMilliseconds = 10_000, Count = 1 });
            sandbox.Faults.Add(new FaultRuleSpec { Method = "GET", Path = "/v1/transactions/**", Fault = FaultKind.Drop });

            var hung = await first.Grains.GetGrain<ITransactionGrain>(id).CaptureAsync(Amount.Parse("40.00"), "capture");

            Assert.Equal(ResultCode.OutcomeUnknown, hung.Code);
        }

        sandbox.Faults.Clear();
        await using var second = await SandboxNode.StartAsync(sandbox, postgres);
        var grain = second.Grains.GetGrain<ITransactionGrain>(id);

        var retry = await grain.CaptureAsync(Amount.Parse("40.00"), "capture");

        Assert.True(retry.Succeeded, retry.Description);
        Assert.True(retry.Replayed);
        Assert.Single(sandbox.Ledger.CapturesOf(id));
        Assert.Equal(0, second.UpstreamCalls["PUT /v1/transactions/{id}/capture"]);
        Assert.Contains("was authorized at intent and is approved now", (await grain.GetJournalAsync()).Single(e => e.Key == "capture").Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_dropped_before_it_applied_is_found_not_done_only_after_its_deadline_and_the_same_key_performs_it_once()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        // A short upstream call timeout, so the intent's deadline comes within the test.
        Action<PaymentGrainsOptions> grains = options => options.UpstreamCallTimeout = TimeSpan.FromSeconds(3);
        var id = await MadeByAnotherNodeAsync(sandbox, postgres, node => SandboxOrders.CapturedAsync(node, "20.00"));
        await using (var first = await SandboxNode.StartAsync(sandbox, postgres, grains: grains))
        {
            sandbox.Faults.Add(new FaultRuleSpec { Method = "POST", Path = "/v1/refunds", Fault = FaultKind.Drop, Count = 1 });
            sandbox.Faults.Add(new FaultRuleSpec { Method = "GET", Path = "/v1/transactions/**", Fault = FaultKind.Drop });

            Assert.Equal(ResultCode.OutcomeUnknown, (await first.Grains.GetGrain<ITransactionGrain>(id).RefundAsync(Amount.Parse("5.00"), "r", "k")).Code);
        }

        sandbox.Faults.Clear();
        await using var second = await SandboxNode.StartAsync(sandbox, postgres, grains: grains);
        var grain = second.Grains.GetGrain<ITransactionGrain>(id);

        // Not on the ledger, but its call could still be in flight until the deadline: it stays in doubt until then.
        var early = await grain.RefundAsync(Amount.Parse("5.00"), "r", "k");
        var deadline = Assert.Single(await grain.GetJournalAsync(), e => e.Key == "k").Deadline!.Value;
        if (deadline > DateTimeOffset.UtcNow)
        {
            Assert.Equal(ResultCode.OutcomeUnknown, early.Code);
        }

        // On a loaded machine the second node may first be asked after the deadline: then that first call is the one that performs it.
        var retry = early;
        if (early.Code == ResultCode.OutcomeUnknown)
        {
            var wait = deadline - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            retry = await grain.RefundAsync(Amount.Parse("5.00"), "r", "k");
        }

        var again = await grain.RefundAsync(Amount.Parse("5.00"), "r", "k");

        Assert.True(retry.Succeeded, retry.Description);
        Assert.False(retry.Replayed);
        Assert.True(again.Replayed);
        Assert.Single(sandbox.Ledger.RefundsOf(id));
        var entry = Assert.Single(await grain.GetJournalAsync(), e => e.Key == "k");
        Assert.Equal(2, entry.Attempts);
        Assert.Contains(entry.Notes, note => note.Text.StartsWith("Reconciled as NotDone", StringComparison.Ordinal));
    }

    /// <summary>Sets the scene on a node of its own with the usual timeouts, so a loaded machine cannot fail the set-up.</summary>
    private static async Task<long> MadeByAnotherNodeAsync(RunningSandbox sandbox, PostgresSchema postgres, Func<SandboxNode, Task<long>> make)
    {
        await using var setUp = await SandboxNode.StartAsync(sandbox, postgres);
        return await make(setUp);
    }
}
