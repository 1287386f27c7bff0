using System.Text.Json;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>Notifications.Subscribe: a URL subscribed to a transaction that already exists hears its later changes.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SubscribeNotificationsEndToEndTests(GatewayFixture gateway)
{
    private NotificationsClient Notifications => new(gateway.Channel);

    [Fact]
    public async Task A_url_subscribed_to_an_existing_transaction_receives_its_capture_and_after_unsubscribing_not_its_refund()
    {
        await using var stays = await NotificationReceiver.StartAsync();
        await using var leaves = await NotificationReceiver.StartAsync();
        var authorized = (await gateway.Transactions.CreateAsync(Orders.CardPayment("90.00", authorize: true), GatewayFixture.As())).Transaction;
        var entity = EntityKey.ForTransaction(authorized.Id).ToString();

        foreach (var receiver in new[] { stays, leaves })
        {
            var subscribed = await Notifications.SubscribeAsync(Request(authorized.Id, receiver.Url), GatewayFixture.As(GatewayFixture.ReadWrite));
            Assert.Equal("000.000.000", subscribed.Result.Code);
        }

        // Subscribing twice is one subscription: the capture still arrives once.
        await Notifications.SubscribeAsync(Request(authorized.Id, stays.Url), GatewayFixture.As());
        var captured = (await gateway.Transactions.CaptureAsync(new CaptureTransactionRequest { Id = authorized.Id }, GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()))).Transaction;

        await stays.WaitForAsync(got => got.Any(n => n.Entity == entity && n.Version == captured.Change.Version));
        await leaves.WaitForAsync(got => got.Any(n => n.Entity == entity && n.Version == captured.Change.Version));
        var heard = stays.Accepted.Where(n => n.Entity == entity).ToArray();
        // Only changes after the subscription: the authorization was recorded before it.
        Assert.All(heard, n => Assert.True(n.Version > authorized.Change.Version, $"version {n.Version} predates the subscription"));
        Assert.Single(heard, n => n.Version == captured.Change.Version);
        Assert.Equal("approved", Status(heard.Single(n => n.Version == captured.Change.Version)));

        var unsubscribed = await Notifications.UnsubscribeAsync(Request(authorized.Id, leaves.Url), GatewayFixture.As());
        Assert.Equal("000.000.000", unsubscribed.Result.Code);
        var refunded = await gateway.Transactions.RefundAsync(
            new RefundTransactionRequest { Id = authorized.Id, Amount = "10.00", Reason = "subscribe-test" },
            GatewayFixture.As(idempotencyKey: Guid.NewGuid().ToString()));
        var afterRefund = (await gateway.Transactions.GetAsync(new GetTransactionRequest { Id = authorized.Id, Read = new ReadOptions { MaxStalenessMs = 0 } }, GatewayFixture.As())).Transaction;
        Assert.Equal("10.00", refunded.Refund.Amount);

        // Deliveries are queued when the change is recorded, so once the remaining receiver has the refund, the one
        // that left would already have had its delivery queued had it still been subscribed.
        await stays.WaitForAsync(got => got.Any(n => n.Entity == entity && n.Version >= afterRefund.Change.Version));
        Assert.DoesNotContain(leaves.Accepted, n => n.Entity == entity && n.Version > captured.Change.Version);
    }

    [Theory]
    [InlineData("invoice", "entity_kind")]
    [InlineData("", "entity_kind")]
    [InlineData("Transaction", "entity_kind")]
    public async Task An_unknown_entity_kind_is_refused_naming_the_field(string kind, string named)
    {
        var request = new SubscribeNotificationsRequest { EntityKind = kind, Id = 1, NotificationUrl = "http://127.0.0.1:9/notify" };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Notifications.SubscribeAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("100.100.001", refused.GetResult()?.Code);
        Assert.Contains(named, refused.GetResult()?.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://orders.internal/secret-token-42")]
    [InlineData("https://user:secret-token-42@orders.internal/notify")]
    [InlineData("orders.internal/secret-token-42")]
    public async Task A_bad_notification_url_is_refused_without_echoing_it(string url)
    {
        var authorized = (await gateway.Transactions.CreateAsync(Orders.CardPayment("11.00", authorize: true), GatewayFixture.As())).Transaction;
        var request = new SubscribeNotificationsRequest { EntityKind = "transaction", Id = authorized.Id, NotificationUrl = url };

        var refused = await Assert.ThrowsAsync<RpcException>(() => Notifications.SubscribeAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var result = refused.GetResult();
        Assert.Equal("100.100.001", result?.Code);
        Assert.Contains("notification_url", result?.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-42", result?.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-42", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_upstream_does_not_know_is_not_found()
    {
        var request = Request(987654321, new Uri("http://127.0.0.1:9/notify"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => Notifications.SubscribeAsync(request, GatewayFixture.As()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal("100.200.404", refused.GetResult()?.Code);
    }

    [Fact]
    public async Task Subscribing_needs_the_write_scope()
    {
        var request = Request(1, new Uri("http://127.0.0.1:9/notify"));

        var subscribe = await Assert.ThrowsAsync<RpcException>(() => Notifications.SubscribeAsync(request, GatewayFixture.As(GatewayFixture.ReadOnly)).ResponseAsync);
        var unsubscribe = await Assert.ThrowsAsync<RpcException>(() => Notifications.UnsubscribeAsync(request, GatewayFixture.As(GatewayFixture.AdminOnly)).ResponseAsync);

        Assert.All([subscribe, unsubscribe], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal("100.400.403", subscribe.GetResult()?.Code);
        Assert.Contains("'write'", subscribe.Status.Detail, StringComparison.Ordinal);
    }

    private static SubscribeNotificationsRequest Request(long id, Uri receiver) =>
        new() { EntityKind = EntityKey.Transaction, Id = id, NotificationUrl = receiver.ToString() };

    private static string? Status(ReceivedNotification notification) =>
        JsonDocument.Parse(notification.Body).RootElement.GetProperty("transaction").GetProperty("status").GetString();
}
