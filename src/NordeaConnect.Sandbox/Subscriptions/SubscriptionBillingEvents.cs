using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>Fires subscription_success and subscription_error webhooks for the billing engine's charges.</summary>
internal sealed class SubscriptionBillingEvents(WebhookDispatcher webhooks) : IBillingEvents
{
    public Task OnBillingEventAsync(BillingEvent billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.WebhookTrigger is { } trigger)
        {
            webhooks.SubscriptionCharged(billingEvent.Subscription.MerchantId, billingEvent.Subscription.SubscriptionId, trigger);
        }

        return Task.CompletedTask;
    }
}
