namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>The events a webhook can fire on, as the reference lists them.</summary>
internal static class WebhookTriggers
{
    public const string None = "none";
    public const string Payment = "payment";
    public const string PaymentSuccess = "payment_success";
    public const string PaymentError = "payment_error";
    public const string PaymentForm = "payment_form";
    public const string Refund = "refund";
    public const string SubscriptionStarted = "subscription_started";
    public const string SubscriptionSuccess = "subscription_success";
    public const string SubscriptionError = "subscription_error";
    public const string CardStored = "card_stored";
    public const string CardUpdated = "card_updated";
    public const string ChangeAddress = "change_address";
    public const string WebhookExhausted = "webhook_exhausted";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        None, Payment, PaymentSuccess, PaymentError, PaymentForm, Refund, SubscriptionStarted, SubscriptionSuccess,
        SubscriptionError, CardStored, CardUpdated, ChangeAddress, WebhookExhausted,
    };
}
