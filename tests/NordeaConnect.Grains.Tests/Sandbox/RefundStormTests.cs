using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

/// <summary>Many callers refunding one transaction at once, against the sandbox over HTTP with PostgreSQL storage.</summary>
public sealed class RefundStormTests
{
    [Fact]
    public async Task Five_hundred_concurrent_one_percent_refunds_refund_exactly_the_captured_amount()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var node = await SandboxNode.StartAsync(sandbox, postgres);
        var id = await SandboxOrders.CapturedAsync(node, "250.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(id);
        var refundsSentBefore = node.UpstreamCalls["POST /v1/refunds"];

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => grain.RefundAsync(Amount.Parse("2.50"), "storm", "storm-" + i)));

        var succeeded = results.Where(result => result.Succeeded).ToList();
        Assert.Equal(100, succeeded.Count);
        Assert.All(results.Where(result => !result.Succeeded), result => Assert.Equal(ResultCode.RefundExceedsAvailable, result.Code));
        var booked = sandbox.Ledger.RefundsOf(id);
        Assert.Equal(100, booked.Count);
        Assert.Equal(Amount.Parse("250.00"), booked.Aggregate(Amount.Zero, (sum, refund) => sum + refund.Amount));
        Assert.Equal(Amount.Parse("250.00"), sandbox.Ledger.Transaction(id)!.RefundedAmount);
        Assert.Equal(succeeded.Select(result => result.Value!.Id).Order(), booked.Select(refund => refund.Id).Order());
        // The 400 refusals never reached the sandbox: only the 100 refunds that fit were sent.
        Assert.Equal(100, node.UpstreamCalls["POST /v1/refunds"] - refundsSentBefore);
    }
}
