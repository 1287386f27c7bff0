using System.Globalization;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// Keeps each webhook's <c>response</c> up to date with its delivery's last attempt, and fires webhook_exhausted
/// when the retries run out.
/// </summary>
internal sealed class WebhookDeliveryRecorder(SandboxStore store, IServiceProvider services) : IWebhookDeliveryObserver
{
    public Task OnAttemptRecordedAsync(WebhookDelivery delivery, WebhookDeliveryStatus status, CancellationToken cancellationToken)
    {
        if (status.LastAttempt is { } attempt)
        {
            var response = new WebhookResponse(
                attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "0",
                attempt.ResponseBody,
                attempt.ReasonPhrase,
                attempt.Succeeded ? null : attempt.Error ?? "HTTP " + attempt.StatusCode?.ToString(CultureInfo.InvariantCulture));
            store.For(delivery.MerchantId).Write(book =>
            {
                if (book.Webhooks.TryGetValue(delivery.WebhookId, out var webhook))
                {
                    book.Webhooks[webhook.Id] = webhook with { Response = response, RetryCount = status.RetryCount };
                }

                return 0;
            });
        }

        if (status.State == WebhookDeliveryState.Exhausted)
        {
            // Resolved here, not injected: the dispatcher needs the delivery queue, which needs this observer.
            services.GetRequiredService<WebhookDispatcher>().Exhausted(delivery.MerchantId, delivery.WebhookId, delivery.Trigger);
        }

        return Task.CompletedTask;
    }
}
