using Google.Protobuf.WellKnownTypes;
using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

[Collection(GatewayCollection.Name)]
public sealed class TransactionsEndToEndTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Create_pays_in_test_mode_and_a_second_submit_of_the_order_yields_the_same_transaction()
    {
        var request = Orders.CardPayment("12.00");

        var first = await gateway.Transactions.CreateAsync(request, GatewayFixture.As());
        var second = await gateway.Transactions.CreateAsync(request, GatewayFixture.As());

        Assert.Equal("000.100.110", first.Result.Code);
        Assert.Equal("12.00", first.Transaction.Amount);
        Assert.Equal("sek", first.Transaction.Currency);
        Assert.Equal("approved", first.Transaction.Status);
        Assert.Equal("411111******1111", first.Transaction.CardNumber);
        Assert.True(first.Transaction.Change.Version >= 1);
        Assert.Equal(first.Transaction.Id, second.Transaction.Id);
    }

    [Fact]
    public async Task Create_with_an_idempotency_key_answers_a_retry_the_same_and_refuses_the_key_for_another_order()
    {
        var key = Guid.NewGuid().ToString();
        var order = Orders.CardPayment("14.00");

        var first = await gateway.Transactions.CreateAsync(order, GatewayFixture.As(idempotencyKey: key));
        var retry = await gateway.Transactions.CreateAsync(order, GatewayFixture.As(idempotencyKey: key));
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(Orders.CardPayment("14.00"), GatewayFixture.As(idempotencyKey: key)).ResponseAsync);
        var unkeyed = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(Orders.CardPayment("15.00", paymentRef: order.PaymentRef), GatewayFixture.As()).ResponseAsync);

        Assert.Equal(first.Transaction.Id, retry.Transaction.Id);
        Assert.Equal(first.Result.Code, retry.Result.Code);
        Assert.Equal("100.300.001", refused.GetResult()?.Code);
        Assert.Contains("'" + key + "'", refused.GetResult()?.Description, StringComparison.Ordinal);
        // Without a key of the caller's, the refusal names the payment_ref and no key the caller never sent.
        Assert.Equal("100.300.001", unkeyed.GetResult()?.Code);
        Assert.Contains(order.PaymentRef, unkeyed.GetResult()?.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("key", unkeyed.GetResult()?.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_and_List_return_what_Create_made()
    {
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment("20.00"), GatewayFixture.As());
        var id = created.Transaction.Id;

        var fetched = await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = id, Read = new ReadOptions { MaxStalenessMs = 0 } }, GatewayFixture.As(GatewayFixture.ReadOnly));
        var options = new ListOptions { Limit = 5, OrderBy = "id:desc" };
        options.Filters.Add("payment_ref", created.Transaction.PaymentRef);
        var listed = await gateway.Transactions.ListAsync(new ListTransactionsRequest { Options = options }, GatewayFixture.As(GatewayFixture.ReadOnly));

        Assert.Equal(id, fetched.Transaction.Id);
        Assert.Equal("20.00", fetched.Transaction.Amount);
        Assert.Equal(id, Assert.Single(listed.Transactions).Id);
        Assert.Equal(1, listed.Page.Total);
        Assert.Equal("000.000.000", listed.Result.Code);
    }

    [Fact]
    public async Task Update_merges_metadata()
    {
        var created = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());
        var metadata = new Struct();
        metadata.Fields["order"] = Value.ForString("A-17");

        var updated = await gateway.Transactions.UpdateAsync(
            new UpdateTransactionRequest { Id = created.Transaction.Id, Metadata = metadata },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));

        Assert.Equal("A-17", updated.Transaction.Metadata.Fields["order"].StringValue);
        Assert.True(updated.Transaction.Change.Version > created.Transaction.Change.Version);
    }

    [Fact]
    public async Task Authorize_then_capture_then_refund_with_its_refund_lists()
    {
        var authorized = await gateway.Transactions.CreateAsync(Orders.CardPayment("300.00", authorize: true), GatewayFixture.As());
        Assert.Equal("000.200.100", authorized.Result.Code);
        var id = authorized.Transaction.Id;

        // No amount captures all that is authorized; the locale goes upstream with the capture.
        var captured = await gateway.Transactions.CaptureAsync(new CaptureTransactionRequest { Id = id, Locale = "sv" }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        Assert.Equal("approved", captured.Transaction.Status);
        Assert.Equal("300.00", captured.Transaction.CapturedAmount);

        var refund = await gateway.Transactions.RefundAsync(
            new RefundTransactionRequest { Id = id, Amount = "50.00", Reason = "damaged" },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        Assert.Equal("50.00", refund.Refund.Amount);
        Assert.Equal(id, refund.Refund.TransactionId);

        var refunds = await gateway.Transactions.ListRefundsAsync(new ListTransactionRefundsRequest { Id = id }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Equal(refund.Refund.Id, Assert.Single(refunds.Refunds).Id);

        var byId = await gateway.Refunds.GetAsync(new GetRefundRequest { Id = refund.Refund.Id }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Equal("damaged", byId.Refund.Reason);

        var options = new ListOptions();
        options.Filters.Add("reason", "damaged");
        var listed = await gateway.Refunds.ListAsync(new ListRefundsRequest { Options = options }, GatewayFixture.As(GatewayFixture.ReadOnly));
        Assert.Contains(listed.Refunds, r => r.Id == refund.Refund.Id);
    }

    [Fact]
    public async Task A_retried_refund_with_the_same_idempotency_key_refunds_once()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment("80.00"), GatewayFixture.As());
        var key = Guid.NewGuid().ToString();
        var request = new RefundTransactionRequest { Id = paid.Transaction.Id, Amount = "30.00", Reason = "returned" };

        var first = await gateway.Transactions.RefundAsync(request, GatewayFixture.As(idempotencyKey: key));
        var retry = await gateway.Transactions.RefundAsync(request, GatewayFixture.As(idempotencyKey: key));
        var refunds = await gateway.Transactions.ListRefundsAsync(new ListTransactionRefundsRequest { Id = paid.Transaction.Id, Read = new ReadOptions { MaxStalenessMs = 0 } }, GatewayFixture.As());

        Assert.Equal(first.Refund.Id, retry.Refund.Id);
        Assert.Single(refunds.Refunds);
    }

    [Fact]
    public async Task A_refund_beyond_what_was_captured_is_refused_before_upstream_with_trailers_only()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment("10.00"), GatewayFixture.As());

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.RefundAsync(
            new RefundTransactionRequest { Id = paid.Transaction.Id, Amount = "10.01", Reason = "too much" }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var result = refused.GetResult();
        Assert.NotNull(result);
        Assert.Equal("100.200.001", result.Code);
        Assert.Equal("100.200.001", refused.Trailers.GetValue(ResultTrailers.CodeKey));
        Assert.Contains("100.200.001", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_amount_is_refused_naming_the_value()
    {
        var request = Orders.CardPayment();
        request.Amount = "12,50";

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("100.100.002", refused.GetResult()?.Code);
        Assert.Contains("'12,50'", refused.GetResult()?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_transaction_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.GetAsync(new GetTransactionRequest { Id = 987654321 }, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.NotNull(refused.GetResult());
    }

    [Fact]
    public async Task Watch_sends_the_current_state_then_every_change_and_resumes_after_a_version()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment("60.00"), GatewayFixture.As());
        var id = paid.Transaction.Id;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = id }, GatewayFixture.As(GatewayFixture.ReadOnly), cancellationToken: cancel.Token);

        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var current = watch.ResponseStream.Current.Transaction;
        Assert.Equal(id, current.Id);

        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = id, Amount = "5.00", Reason = "first" }, GatewayFixture.As());
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var changed = watch.ResponseStream.Current.Transaction;
        Assert.True(changed.Change.Version > current.Change.Version);
        Assert.Equal("refunded", changed.Change.Reason);
        Assert.Single(changed.Refunds);

        // Resuming at the latest version sends nothing until the next change.
        using var resumed = gateway.Transactions.Watch(
            new WatchTransactionRequest { Id = id, AfterVersion = changed.Change.Version },
            GatewayFixture.As(GatewayFixture.ReadOnly),
            cancellationToken: cancel.Token);
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = id, Amount = "6.00", Reason = "second" }, GatewayFixture.As());
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(changed.Change.Version + 1, resumed.ResponseStream.Current.Transaction.Change.Version);
        Assert.Equal(2, resumed.ResponseStream.Current.Transaction.Refunds.Count);
    }

    [Fact]
    public async Task Watch_ends_with_deadline_exceeded_at_the_callers_deadline()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = paid.Transaction.Id }, GatewayFixture.As(), GatewayFixture.In(TimeSpan.FromMilliseconds(700)));

        Assert.True(await watch.ResponseStream.MoveNext());
        var ended = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.DeadlineExceeded, ended.StatusCode);
    }

    [Fact]
    public async Task Watch_stops_when_the_caller_cancels()
    {
        var paid = await gateway.Transactions.CreateAsync(Orders.CardPayment(), GatewayFixture.As());
        using var cancel = new CancellationTokenSource();
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = paid.Transaction.Id }, GatewayFixture.As(), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext());

        await cancel.CancelAsync();

        var ended = await Assert.ThrowsAnyAsync<Exception>(() => watch.ResponseStream.MoveNext());
        Assert.True(ended is OperationCanceledException || (ended is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled), ended.ToString());
    }
}
