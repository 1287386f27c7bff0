using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Subscriptions;

/// <summary>
/// The subscription list's filters. The reference names none for subscriptions; the sandbox offers the object's
/// own fields (README, "Where the reference is silent").
/// </summary>
internal static class SubscriptionSchema
{
    public static readonly ResourceSchema<SubscriptionRecord> Instance = new(
        "subscription",
        s => s.Id,
        [
            new("created_at", FieldKind.Date, s => s.CreatedAt),
            new("currency", FieldKind.Text, s => s.Currency.Code),
            new("customer_id", FieldKind.Integer, s => s.CustomerId),
            new("debt", FieldKind.Decimal, s => s.Billing.Debt),
            new("id", FieldKind.Integer, s => s.Id),
            new("next_at", FieldKind.Date, s => s.Billing.NextAt),
            new("plan_id", FieldKind.Integer, s => s.PlanId),
            new("retry_count", FieldKind.Integer, s => (long)s.Billing.RetryCount),
            new("status", FieldKind.Text, s => s.Billing.Status.ToWire()),
            new("stored_card_id", FieldKind.Integer, s => s.StoredCardId),
            new("subscription_quantity", FieldKind.Integer, s => (long)s.Billing.Quantity),
            new("test", FieldKind.Boolean, s => s.Test),
            new("updated_at", FieldKind.Date, s => s.UpdatedAt),
        ],
        s => s.Metadata);
}
