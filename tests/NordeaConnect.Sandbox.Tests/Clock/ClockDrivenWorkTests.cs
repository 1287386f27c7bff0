using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NordeaConnect.Primitives;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Tests.Billing;
using NordeaConnect.Sandbox.Tests.Webhooks.Delivery;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Tests.Clock;

/// <summary>Advancing the clock over HTTP brings billing and webhook retries due before the answer comes back.</summary>
public sealed class ClockDrivenWorkTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task One_post_to_the_clock_charges_due_subscriptions_and_retries_due_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync(flakyFailures: 1);
        var ledger = new InMemoryBillingLedger();
        await using var app = await LoopbackApp.StartAsync(
            services => services
                .AddSingleton<IBillingLedger>(ledger)
                .AddSandboxClock(o => { o.StartAt = Start; o.StartFrozen = true; })
                .AddSandboxBilling()
                .AddSandboxWebhookDelivery(),
            web => web.MapSandboxClockEndpoints());

        ledger.Put(BillingSchedule.Start("3", 1, new BillingTerms(1, BillingIntervalUnit.Months, 0, 7, Amount.FromDecimal(49m), Amount.Zero), Start));
        var queue = app.Services.GetRequiredService<WebhookDeliveryQueue>();
        queue.Enqueue(new WebhookDelivery { MerchantId = "3", WebhookId = 1, Trigger = "payment", Channel = WebhookChannel.Http, Url = receiver.Url("flaky") });
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (queue.Find("3", 1)!.State == WebhookDeliveryState.Pending)
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        Assert.Equal(WebhookDeliveryState.Retrying, queue.Find("3", 1)!.State);
        Assert.Empty(ledger.Charges);

        var response = await app.Client.PostAsJsonAsync("_sandbox/clock", new { seconds = 8 * 86400 });
        response.EnsureSuccessStatusCode();

        Assert.Equal(Start.AddDays(7), Assert.Single(ledger.Charges).DueAt);
        var delivered = queue.Find("3", 1)!;
        Assert.Equal(WebhookDeliveryState.Delivered, delivered.State);
        Assert.Equal([503, 200], delivered.Attempts.Select(a => a.StatusCode));
        Assert.Equal(Start.AddDays(8), delivered.Attempts[1].At);
    }
}
