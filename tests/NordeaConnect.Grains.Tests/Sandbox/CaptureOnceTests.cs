using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Grains.Tests.Sandbox;

public sealed class CaptureOnceTests
{
    [Fact]
    public async Task The_same_capture_sent_five_times_at_once_with_one_key_is_performed_once()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var node = await SandboxNode.StartAsync(sandbox, postgres);
        var id = await SandboxOrders.AuthorizedAsync(node, "80.00");
        var grain = node.Grains.GetGrain<ITransactionGrain>(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.CaptureAsync(Amount.Parse("60.00"), "order-capture")));
        var otherAmount = await grain.CaptureAsync(Amount.Parse("70.00"), "order-capture");

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Equal(4, results.Count(result => result.Replayed));
        Assert.Single(sandbox.Ledger.CapturesOf(id));
        Assert.Equal(1, node.UpstreamCalls["PUT /v1/transactions/{id}/capture"]);
        Assert.Equal(ResultCode.IdempotencyKeyReused, otherAmount.Code);
        Assert.Equal(Amount.Parse("60.00"), sandbox.Ledger.Transaction(id)!.Amount);
    }

    [Fact]
    public async Task The_same_order_submitted_twice_at_once_creates_one_transaction()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var node = await SandboxNode.StartAsync(sandbox, postgres);
        var paymentRef = SandboxOrders.NewPaymentRef();
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>(paymentRef);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => creation.CreateAsync(SandboxOrders.CardOrder("15.00", authorize: false))));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Single(results.Select(result => result.Value!.Id).Distinct());
        Assert.Single(sandbox.Ledger.Transactions(sandbox.Merchant.Id), transaction => transaction.PaymentRef == paymentRef);
    }

    [Fact]
    public async Task A_creation_applied_but_unanswered_is_found_by_its_payment_ref()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var postgres = new PostgresSchema();
        await using var node = await SandboxNode.StartAsync(sandbox, postgres);
        var paymentRef = SandboxOrders.NewPaymentRef();
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>(paymentRef);
        sandbox.Faults.Add(new NordeaConnect.Sandbox.Faults.FaultRuleSpec { Method = "POST", Path = "/v1/transactions", Fault = NordeaConnect.Sandbox.Faults.FaultKind.ApplyThenDrop, Count = 1 });

        var created = await creation.CreateAsync(SandboxOrders.CardOrder("15.00", authorize: false));
        var again = await creation.CreateAsync(SandboxOrders.CardOrder("15.00", authorize: false));

        Assert.True(created.Succeeded, created.Description);
        Assert.True(again.Replayed);
        var booked = Assert.Single(sandbox.Ledger.Transactions(sandbox.Merchant.Id), transaction => transaction.PaymentRef == paymentRef);
        Assert.Equal(booked.Id, created.Value!.Id);
        Assert.Equal(1, node.UpstreamCalls["POST /v1/transactions"]);
        Assert.Contains("so the creation was carried out", (await creation.GetJournalAsync()).Single().Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_locale_travels_with_the_capture_and_the_refund_upstream()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await using var node = await SandboxNode.StartAsync(sandbox);
        var grain = node.Grains.GetGrain<ITransactionGrain>(await SandboxOrders.AuthorizedAsync(node, "80.00"));

        var captured = await grain.CaptureAsync(amount: null, "capture-sv", locale: "sv");
        var refunded = await grain.RefundAsync(Amount.Parse("10.00"), "damaged", "refund-en", locale: "en");

        Assert.True(captured.Succeeded, captured.Description);
        Assert.True(refunded.Succeeded, refunded.Description);
        Assert.Equal(1, node.UpstreamLocales["PUT /v1/transactions/{id}/capture sv"]);
        Assert.Equal(1, node.UpstreamLocales["POST /v1/refunds en"]);
        Assert.Equal(Amount.Parse("80.00"), sandbox.Ledger.Transaction(grain.GetPrimaryKeyLong())!.Amount);
    }
}
