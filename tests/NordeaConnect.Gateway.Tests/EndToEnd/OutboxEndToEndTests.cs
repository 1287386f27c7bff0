using NordeaConnect.Contracts;
using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>
/// Watch over the outbox and notification_url on Create, through the gateway as Program.cs composes it (without
/// upstream's webhooks, so the versions a test sees are exactly the changes it made).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class OutboxEndToEndTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Watch_resumed_after_a_version_sends_every_later_version_in_order_then_new_changes()
    {
        var paid = (await gateway.Transactions.CreateAsync(Orders.CardPayment("80.00"), GatewayFixture.As())).Transaction;
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = paid.Id, Amount = "5.00", Reason = "first" }, GatewayFixture.As());
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = paid.Id, Amount = "6.00", Reason = "second" }, GatewayFixture.As());
        var latest = (await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = paid.Id }, GatewayFixture.As())).Transaction;
        Assert.Equal(paid.Change.Version + 2, latest.Change.Version);
        Assert.Equal("11.00", latest.RefundedAmount);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var resumed = gateway.Transactions.Watch(
            new WatchTransactionRequest { Id = paid.Id, AfterVersion = paid.Change.Version },
            GatewayFixture.As(GatewayFixture.ReadOnly),
            cancellationToken: cancel.Token);
        var versions = new List<long>();
        var refundCounts = new List<int>();
        while (versions.Count < 2)
        {
            Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
            versions.Add(resumed.ResponseStream.Current.Transaction.Change.Version);
            refundCounts.Add(resumed.ResponseStream.Current.Transaction.Refunds.Count);
        }

        Assert.Equal([paid.Change.Version + 1, paid.Change.Version + 2], versions);
        Assert.Equal([1, 2], refundCounts);

        // Caught up: the next thing on the stream is the next change.
        await gateway.Transactions.RefundAsync(new RefundTransactionRequest { Id = paid.Id, Amount = "7.00", Reason = "third" }, GatewayFixture.As());
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(latest.Change.Version + 1, resumed.ResponseStream.Current.Transaction.Change.Version);
        Assert.Equal("18.00", resumed.ResponseStream.Current.Transaction.RefundedAmount);
    }

    [Fact]
    public async Task A_transaction_carries_what_its_grain_derived_authorized_captured_and_refunded()
    {
        var authorized = (await gateway.Transactions.CreateAsync(Orders.CardPayment("40.00", authorize: true), GatewayFixture.As())).Transaction;
        Assert.Equal(("40.00", "0.00", "0.00"), (authorized.AuthorizedAmount, authorized.CapturedAmount, authorized.RefundedAmount));

        var captured = (await gateway.Transactions.CaptureAsync(new CaptureTransactionRequest { Id = authorized.Id }, GatewayFixture.As())).Transaction;
        Assert.Equal(("0.00", "40.00", "0.00"), (captured.AuthorizedAmount, captured.CapturedAmount, captured.RefundedAmount));
    }

    [Theory]
    [InlineData("ftp://orders.internal/notify", "not an absolute http or https URL")]
    [InlineData("orders/notify", "not an absolute http or https URL")]
    [InlineData("https://orders:hunter2secret@orders.internal/notify", "must not contain user:password@")]
    public async Task A_notification_url_that_cannot_be_a_receiver_is_refused_naming_the_field(string url, string expected)
    {
        var request = Orders.CardPayment();
        request.NotificationUrl = url;

        var refused = await Assert.ThrowsAsync<RpcException>(() => gateway.Transactions.CreateAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("100.100.001", refused.Trailers.GetValue(ResultTrailers.CodeKey));
        Assert.Contains("notification_url", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(expected, refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", refused.Status.Detail, StringComparison.Ordinal);
        // Nothing was created under the payment_ref: the same request with a good URL creates the payment.
        request.NotificationUrl = "http://127.0.0.1:9/notify";
        Assert.Equal("approved", (await gateway.Transactions.CreateAsync(request, GatewayFixture.As())).Transaction.Status);
    }
}
