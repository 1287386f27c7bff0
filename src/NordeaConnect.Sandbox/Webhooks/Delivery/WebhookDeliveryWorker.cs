using Microsoft.Extensions.Hosting;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>Makes first attempts promptly: woken by each enqueue, it delivers whatever is due. Retries come due through clock pulses.</summary>
internal sealed class WebhookDeliveryWorker(WebhookDeliveryQueue queue) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.WakeUps.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                queue.WakeUps.TryRead(out _);
                await queue.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }
}
