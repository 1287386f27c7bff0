using System.Text.Json.Nodes;
using NordeaConnect.Sandbox.Store;

namespace NordeaConnect.Sandbox.Webhooks;

/// <summary>
/// What a trigger is about, and how to render it: the reference sends a transaction object for payment triggers,
/// a subscription for subscription triggers, a stored card for card triggers and a webhook for webhook_exhausted.
/// </summary>
internal sealed record WebhookSubject(string RootName, long? TransactionId, Func<ResourceViews, MerchantBook, JsonObject?> Render)
{
    public static WebhookSubject Transaction(long transactionId) =>
        new("transaction", transactionId, (views, book) => book.Transactions.TryGetValue(transactionId, out var t) ? views.Transaction(t) : null);

    public static WebhookSubject Subscription(long subscriptionId) =>
        new("subscription", null, (views, book) => book.Subscriptions.TryGetValue(subscriptionId, out var s) ? views.Subscription(s) : null);

    public static WebhookSubject StoredCard(long storedCardId) =>
        new("stored_card", null, (views, book) => book.StoredCards.TryGetValue(storedCardId, out var c) ? views.StoredCard(c) : null);

    public static WebhookSubject Webhook(long webhookId) =>
        new("webhook", null, (views, book) => book.Webhooks.TryGetValue(webhookId, out var w) ? views.Webhook(w) : null);
}
