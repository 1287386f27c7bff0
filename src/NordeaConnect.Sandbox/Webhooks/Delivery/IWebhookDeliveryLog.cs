namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>Read access to delivery states and attempts, for the webhooks show and list endpoints.</summary>
public interface IWebhookDeliveryLog
{
    /// <summary>The delivery of one webhook, or null if it was never enqueued.</summary>
    WebhookDeliveryStatus? Find(string merchantId, long webhookId);

    /// <summary>Every delivery of one merchant, by webhook id.</summary>
    IReadOnlyList<WebhookDeliveryStatus> List(string merchantId);
}

/// <summary>
/// Told after every attempt, so the store can update its webhook record (its <c>response</c>) and fire
/// <c>webhook_exhausted</c> when <see cref="WebhookDeliveryStatus.State"/> is <see cref="WebhookDeliveryState.Exhausted"/>.
/// Optional: register implementations in DI.
/// </summary>
public interface IWebhookDeliveryObserver
{
    Task OnAttemptRecordedAsync(WebhookDelivery delivery, WebhookDeliveryStatus status, CancellationToken cancellationToken);
}
