using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Tests.Webhooks.Delivery;

public sealed class WebhookDeliveryWorkerTests
{
    [Fact]
    public async Task In_a_running_host_an_enqueued_webhook_is_delivered_without_being_asked()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSandboxClock(o => o.StartFrozen = true).AddSandboxWebhookDelivery();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var queue = host.Services.GetRequiredService<WebhookDeliveryQueue>();
            Assert.Same(queue, host.Services.GetRequiredService<IWebhookDeliveryLog>());
            queue.Enqueue(new WebhookDelivery
            {
                MerchantId = "3", WebhookId = 1, Trigger = "refund", Channel = WebhookChannel.Http, Url = receiver.Url("ok"),
            });

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (queue.Find("3", 1)!.State != WebhookDeliveryState.Delivered)
            {
                await Task.Delay(20, deadline.Token);
            }

            Assert.Single(receiver.Received);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
