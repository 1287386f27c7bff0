using System.Diagnostics.CodeAnalysis;
using NordeaConnect.Gateway.Changes;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Every trigger of the reference and the kind of object it sends: payment triggers a transaction, subscription
/// triggers a subscription, card triggers a stored card, webhook_exhausted the webhook that gave up.
/// </summary>
public static class WebhookTriggers
{
    /// <summary>The kind of entity webhook_exhausted is about (not a grain: the intake checks it exists and logs it).</summary>
    public const string WebhookKind = "webhook";

    public static IReadOnlyDictionary<string, string> KindByTrigger { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["none"] = EntityKey.Transaction,
        ["payment"] = EntityKey.Transaction,
        ["payment_success"] = EntityKey.Transaction,
        ["payment_error"] = EntityKey.Transaction,
        ["payment_form"] = EntityKey.Transaction,
        ["refund"] = EntityKey.Transaction,
        ["change_address"] = EntityKey.Transaction,
        ["subscription_started"] = EntityKey.Subscription,
        ["subscription_success"] = EntityKey.Subscription,
        ["subscription_error"] = EntityKey.Subscription,
        ["card_stored"] = EntityKey.StoredCard,
        ["card_updated"] = EntityKey.StoredCard,
        ["webhook_exhausted"] = WebhookKind,
    };

    public static bool TryGetKind(string? trigger, [NotNullWhen(true)] out string? kind)
    {
        kind = null;
        return trigger is not null && KindByTrigger.TryGetValue(trigger, out kind);
    }
}
