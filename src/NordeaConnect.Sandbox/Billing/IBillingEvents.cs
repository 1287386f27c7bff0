namespace NordeaConnect.Sandbox.Billing;

/// <summary>What happened to a subscription in an engine run.</summary>
public enum BillingEventKind
{
    /// <summary>A charge succeeded (or a discount covered the period): the reference's <c>subscription_success</c>.</summary>
    ChargeSucceeded,

    /// <summary>A charge failed: the reference's <c>subscription_error</c>.</summary>
    ChargeFailed,

    /// <summary>The last period was charged; the subscription is completed.</summary>
    Completed,

    /// <summary>The last retry failed; the subscription is cancelled.</summary>
    CancelledAfterFailedCharges,
}

/// <summary>One billing event, with the subscription as stored after it.</summary>
public sealed record BillingEvent(BillingEventKind Kind, SubscriptionBilling Subscription, SubscriptionCharge? Charge, ChargeOutcome? Outcome)
{
    /// <summary>The webhook trigger this event fires, if any: subscription_success or subscription_error.</summary>
    public string? WebhookTrigger => Kind switch
    {
        BillingEventKind.ChargeSucceeded => "subscription_success",
        BillingEventKind.ChargeFailed => "subscription_error",
        _ => null,
    };
}

/// <summary>Told of billing events, so the store fires webhooks. Optional: register implementations in DI.</summary>
public interface IBillingEvents
{
    Task OnBillingEventAsync(BillingEvent billingEvent, CancellationToken cancellationToken);
}
