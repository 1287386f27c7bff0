using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

/// <summary>Two silos of one cluster share one PostgreSQL; callers are spread over both. The results must be those of one node.</summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task Refunds_spread_over_two_nodes_refund_exactly_the_captured_amount()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var cluster = await SandboxNode.StartAsync(sandbox, postgres);
        var id = await SandboxOrders.CapturedAsync(cluster, "50.00");
        var nodes = new[] { cluster.On(0), cluster.On(1) };

        var results = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            nodes[i % 2].GetGrain<ITransactionGrain>(id).RefundAsync(Amount.Parse("1.00"), "split", "split-" + i)));

        Assert.Equal(50, results.Count(result => result.Succeeded));
        Assert.All(results.Where(result => !result.Succeeded), result => Assert.Equal(ResultCode.RefundExceedsAvailable, result.Code));
        Assert.Equal(Amount.Parse("50.00"), sandbox.Ledger.Transaction(id)!.RefundedAmount);
        Assert.Equal(50, sandbox.Ledger.RefundsOf(id).Count);
        Assert.Equal(50, cluster.UpstreamCalls["POST /v1/refunds"]);
    }

    [Fact]
    public async Task One_capture_key_on_two_nodes_captures_once_and_one_order_creates_one_transaction()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var cluster = await SandboxNode.StartAsync(sandbox, postgres);
        var nodes = new[] { cluster.On(0), cluster.On(1) };
        var paymentRef = SandboxOrders.NewPaymentRef();

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            nodes[i % 2].GetGrain<ITransactionCreationGrain>(paymentRef).CreateAsync(SandboxOrders.CardOrder("30.00", authorize: true))));
        var id = Assert.Single(created.Select(result => result.Value!.Id).Distinct());
        var captures = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            nodes[i % 2].GetGrain<ITransactionGrain>(id).CaptureAsync(Amount.Parse("30.00"), "one-capture")));

        Assert.All(created, result => Assert.True(result.Succeeded, result.Description));
        Assert.Single(sandbox.Ledger.Transactions(sandbox.Merchant.Id), transaction => transaction.PaymentRef == paymentRef);
        Assert.All(captures, result => Assert.True(result.Succeeded, result.Description));
        Assert.Single(sandbox.Ledger.CapturesOf(id));
    }
}
