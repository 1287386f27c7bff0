using NordeaConnect.Grains.Tests.Infrastructure;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Grains;

public sealed class TransactionCreationGrainTests
{
    private static TransactionCreateRequest Order(string amount = "99.00") => new()
    {
        Amount = Amount.Parse(amount),
        Currency = CurrencyCode.Sek,
        Test = true,
        Card = new CardDetails("4111111111111111", "123", "Ann", "1230", "visa"),
    };

    [Fact]
    public async Task The_same_order_submitted_concurrently_creates_one_transaction_and_every_caller_gets_it()
    {
        await using var node = await FakeNode.StartAsync();
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>("order-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => creation.CreateAsync(Order())));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Description));
        Assert.Single(results.Select(result => result.Value!.Id).Distinct());
        Assert.Equal(1, node.Transactions.Calls["create"]);
        Assert.Equal(results[0].Value!.Id, await creation.GetTransactionIdAsync());
    }

    [Fact]
    public async Task Another_order_under_a_used_payment_ref_is_refused()
    {
        await using var node = await FakeNode.StartAsync();
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>("order-2");
        await creation.CreateAsync(Order());

        var other = await creation.CreateAsync(Order("98.00"));

        Assert.Equal(ResultCode.IdempotencyKeyReused, other.Code);
        Assert.Equal(1, node.Transactions.Calls["create"]);
        // The caller sent no key: the refusal names the payment_ref, not the journal's own key.
        Assert.Contains("payment_ref 'order-2'", other.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("create/", other.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_idempotency_key_answers_the_same_request_the_same_and_refuses_another_under_any_payment_ref()
    {
        await using var node = await FakeNode.StartAsync();
        var first = node.Grains.GetGrain<ITransactionCreationGrain>("order-k1");

        var created = await first.CreateAsync(Order(), "checkout-7");
        var retried = await first.CreateAsync(Order(), "checkout-7");
        var otherAmount = await first.CreateAsync(Order("98.00"), "checkout-7");
        var otherOrder = await node.Grains.GetGrain<ITransactionCreationGrain>("order-k2").CreateAsync(Order(), "checkout-7");
        var newKey = await node.Grains.GetGrain<ITransactionCreationGrain>("order-k2").CreateAsync(Order(), "checkout-8");

        Assert.True(created.Succeeded, created.Description);
        Assert.True(retried.Replayed);
        Assert.Equal(created.Value!.Id, retried.Value!.Id);
        Assert.All([otherAmount, otherOrder], refused =>
        {
            Assert.Equal(ResultCode.IdempotencyKeyReused, refused.Code);
            Assert.Contains("'checkout-7'", refused.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("create/", refused.Description, StringComparison.Ordinal);
        });
        Assert.True(newKey.Succeeded, newKey.Description);
        Assert.NotEqual(created.Value.Id, newKey.Value!.Id);
        Assert.Equal(2, node.Transactions.Calls["create"]);
        Assert.Equal(ResultCode.IdempotencyKeyMalformed, (await first.CreateAsync(Order(), "bad key")).Code);
    }

    [Fact]
    public async Task The_created_transaction_seeds_its_grain_so_the_first_read_needs_no_upstream_call()
    {
        await using var node = await FakeNode.StartAsync();
        var created = await node.Grains.GetGrain<ITransactionCreationGrain>("order-3").CreateAsync(Order());

        var read = await node.Grains.GetGrain<ITransactionGrain>(created.Value!.Id).GetAsync();

        Assert.Equal(created.Value, read.Value);
        Assert.Equal(0, node.Transactions.Calls["get"]);
    }

    [Fact]
    public async Task A_creation_whose_answer_was_lost_is_found_by_payment_ref()
    {
        await using var node = await FakeNode.StartAsync();
        node.Transactions.Script.Queue("create", UpstreamMishap.ApplyThenLoseAnswer);
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>("order-4");

        var result = await creation.CreateAsync(Order());

        Assert.True(result.Succeeded, result.Description);
        Assert.Equal(node.Transactions.All.Single().Id, result.Value!.Id);
        Assert.Equal(1, node.Transactions.Calls["find"]);
        Assert.Contains("so the creation was carried out", (await creation.GetJournalAsync()).Single().Notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_creation_left_by_a_crash_is_reconciled_at_activation_and_not_repeated()
    {
        await using var node = await FakeNode.StartAsync();
        node.Transactions.Script.Queue("create", UpstreamMishap.ApplyThenCrash);
        var creation = node.Grains.GetGrain<ITransactionCreationGrain>("order-5");

        await Assert.ThrowsAsync<SimulatedCrashException>(() => creation.CreateAsync(Order()));
        await node.CollectAllAsync();
        var again = await creation.CreateAsync(Order());

        Assert.True(again.Succeeded, again.Description);
        Assert.True(again.Replayed);
        Assert.Single(node.Transactions.All);
        Assert.Equal(1, node.Transactions.Calls["create"]);
    }

    [Fact]
    public async Task An_invalid_payment_ref_or_amount_is_refused_before_upstream()
    {
        await using var node = await FakeNode.StartAsync();

        Assert.Equal(ResultCode.InvalidPaymentRef, (await node.Grains.GetGrain<ITransactionCreationGrain>("much-too-long-ref").CreateAsync(Order())).Code);
        Assert.Equal(ResultCode.InvalidAmount, (await node.Grains.GetGrain<ITransactionCreationGrain>("order-6").CreateAsync(Order("0.00"))).Code);
        Assert.Equal(0, node.Transactions.Calls["create"]);
    }
}
