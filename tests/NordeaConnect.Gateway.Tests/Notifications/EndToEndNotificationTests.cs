using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Tests.Notifications.Infrastructure;
using NordeaConnect.Gateway.Webhooks;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Hosting;

namespace NordeaConnect.Gateway.Tests.Notifications;

/// <summary>
/// The sandbox's own webhooks (templates the gateway registered at start-up) reach the gateway's intake over HTTP;
/// the re-read changes reach a Watch caller and a notification_url receiver. PostgreSQL behind both.
/// </summary>
public sealed class EndToEndNotificationTests : IAsyncLifetime
{
    private RunningSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Checkout_stored_card_and_failed_subscription_charge_reach_watchers_and_receivers(string dataFormat)
    {
        await using var database = new TestPostgres();
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var host = await GatewayTestHost.StartAsync(_sandbox, database, intake: o =>
        {
            o.Registration = WebhookRegistrationMode.Templates;
            o.DataFormat = dataFormat;
            o.SharedSecret = "e2e-shared-secret-0123456789";
        });
        Assert.Equal(12, await host.Services.GetRequiredService<WebhookTemplateRegistration>().Registered.WaitAsync(TimeSpan.FromSeconds(60)));
        // Idempotent: a second registration finds every template and creates none.
        Assert.Equal(0, await host.Services.GetRequiredService<WebhookTemplateRegistration>().RegisterAsync(CancellationToken.None));

        var planId = await CreatePlanAsync(host);
        var customerRef = "c" + Guid.NewGuid().ToString("N")[..10];
        var (transactionId, token) = await SandboxPayments.PendingAsync(host, "99.00", customerRef);
        var transactionKey = EntityKey.ForTransaction(transactionId);
        await host.Outbox.SubscribeAsync(transactionKey, receiver.Url, CancellationToken.None);
        using var hangUp = new CancellationTokenSource();
        var transactionWatch = new RecordingStreamWriter<TransactionResponse>();
        var watchingTransaction = host.Watcher.RunAsync(transactionKey, 1, _ => throw new InvalidOperationException("the outbox holds the creation"), r => r.Transaction.Change.Version, transactionWatch, hangUp.Token);

        // The customer pays in the payment window, stores the card and starts a subscription.
        var checkout = await SandboxPayments.CheckoutAsync(_sandbox, token, new Dictionary<string, string>
        {
            ["store_card"] = "true",
            ["plan_id"] = planId.ToString(CultureInfo.InvariantCulture),
        });
        var storedCardKey = new EntityKey(EntityKey.StoredCard, checkout.GetProperty("stored_card").GetProperty("id").GetInt64());
        var subscriptionKey = EntityKey.ForSubscription(checkout.GetProperty("subscription").GetProperty("id").GetInt64());

        await transactionWatch.WaitForAsync(w => w.Any(r => r.Transaction.Status == "approved"));
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == transactionKey.ToString() && Status(n) == "approved"));
        var cardStored = await FirstChangeAsync(host, storedCardKey);
        Assert.Equal("active", JsonDocument.Parse(cardStored.MessageJson).RootElement.GetProperty("stored_card").GetProperty("status").GetString());
        var started = await FirstChangeAsync(host, subscriptionKey);

        // From here the receiver follows the card and the subscription too, and a Watch follows the subscription.
        await host.Outbox.SubscribeAsync(storedCardKey, receiver.Url, CancellationToken.None);
        await host.Outbox.SubscribeAsync(subscriptionKey, receiver.Url, CancellationToken.None);
        var subscriptionWatch = new RecordingStreamWriter<SubscriptionResponse>();
        var watchingSubscription = host.Watcher.RunAsync(subscriptionKey, started.Version, _ => throw new InvalidOperationException("the outbox holds the start"), r => r.Subscription.Change.Version, subscriptionWatch, hangUp.Token);

        // The card is deactivated (card_updated), so the next monthly charge fails (subscription_error).
        var deactivated = await host.Grains.GetGrain<IStoredCardGrain>(storedCardKey.Id).UpdateStatusAsync("inactive", "e2e-deactivate");
        Assert.True(deactivated.Succeeded, deactivated.Description);
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == storedCardKey.ToString() && JsonDocument.Parse(n.Body).RootElement.GetProperty("stored_card").GetProperty("status").GetString() == "inactive"));

        _sandbox.Clock.Advance(TimeSpan.FromDays(32));
        await _sandbox.PulseAsync();
        await subscriptionWatch.WaitForAsync(w => w.Any(r => r.Subscription.RetryCount >= 1));
        await receiver.WaitForAsync(got => got.Any(n => n.Entity == subscriptionKey.ToString()
            && JsonDocument.Parse(n.Body).RootElement.GetProperty("subscription").GetProperty("retry_count").GetInt32() >= 1));

        // Every notification the receiver got is in order per entity.
        foreach (var group in receiver.Accepted.GroupBy(n => n.Entity))
        {
            var versions = group.Select(n => n.Version).ToArray();
            Assert.True(versions.Zip(versions.Skip(1)).All(p => p.Second >= p.First), group.Key + ": " + string.Join(",", versions));
        }

        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watchingTransaction);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watchingSubscription);
    }

    private static string? Status(ReceivedNotification notification) =>
        JsonDocument.Parse(notification.Body).RootElement.GetProperty("transaction").GetProperty("status").GetString();

    private static async Task<EntityChangeRecord> FirstChangeAsync(GatewayTestHost host, EntityKey key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var change in host.Watcher.FollowAsync(key, 0, timeout.Token))
        {
            return change;
        }

        throw new InvalidOperationException("no change of " + key);
    }

    private static async Task<long> CreatePlanAsync(GatewayTestHost host)
    {
        var name = "plan-" + Guid.NewGuid().ToString("N")[..8];
        var plan = await host.Grains.GetGrain<IPlanCatalogGrain>(name).CreateAsync(new PlanCreateRequest
        {
            Name = name,
            IntervalUnit = "months",
            Interval = 1,
            Prices = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("sek", Amount.Parse("99.00"))]),
        });
        Assert.True(plan.Succeeded, plan.Description);
        return plan.Value!.Id;
    }
}
