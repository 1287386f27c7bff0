using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Grains.V1;
using Grpc.Core;

namespace NordeaConnect.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway as Program.cs composes it: the embedded sandbox's webhooks reach the intake over HTTP/1.1, and the
/// changes reach Watch callers (resuming without gaps) and the notification_url a caller gave on Create.
/// </summary>
public sealed class NotificationsEndToEndTests(WebhookGatewayFixture gateway) : IClassFixture<WebhookGatewayFixture>
{
    [Fact]
    public async Task A_checkout_completed_in_the_embedded_sandbox_reaches_a_watch_caller_and_the_notification_url()
    {
        var triggers = gateway.Services.GetRequiredService<IOptions<WebhookIntakeOptions>>().Value.Triggers.Count;
        Assert.Equal(triggers, await gateway.WebhookTemplatesRegistered.WaitAsync(TimeSpan.FromSeconds(60)));
        await using var receiver = await NotificationReceiver.StartAsync();
        var customerRef = Orders.NewRef("c");
        var link = new CreateTransactionRequest
        {
            PaymentRef = Orders.NewRef("w"),
            Amount = "75.00",
            Currency = "sek",
            Test = true,
            Process = false,
            CustomerRef = customerRef,
            NotificationUrl = receiver.Url.ToString(),
        };
        var pending = (await gateway.Transactions.CreateAsync(link, GatewayFixture.As())).Transaction;
        Assert.Equal("pending", pending.Status);
        var entity = EntityKey.ForTransaction(pending.Id).ToString();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = gateway.Transactions.Watch(new WatchTransactionRequest { Id = pending.Id }, GatewayFixture.As(GatewayFixture.ReadOnly), cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(pending.Change.Version, watch.ResponseStream.Current.Transaction.Change.Version);

        // The customer pays in the sandbox's payment window; the sandbox calls the gateway's registered templates.
        await Orders.PayInCheckoutAsync(pending.Href, customerRef, planId: null);

        Transaction approved;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            approved = watch.ResponseStream.Current.Transaction;
        }
        while (approved.Status != "approved");
        Assert.Equal("webhook", approved.Change.Reason);
        Assert.Equal("75.00", approved.CapturedAmount);
        Assert.Equal("0.00", approved.RefundedAmount);

        // The receiver was subscribed before the creation was published, so it hears of the creation too.
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == entity && Status(n) == "approved"));
        var received = receiver.Accepted.Where(n => n.Entity == entity).ToArray();
        Assert.Equal("pending", Status(received[0]));
        Assert.Equal(pending.Change.Version, received[0].Version);
        Assert.Equal(received.Select(n => n.Version).Order(), received.Select(n => n.Version));
    }

    private static string? Status(ReceivedNotification notification) =>
        JsonDocument.Parse(notification.Body).RootElement.GetProperty("transaction").GetProperty("status").GetString();
}
