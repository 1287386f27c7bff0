using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>
/// The transaction list's filters, as the reference names them: amount, card_holder, card_number, card_type,
/// created_at, currency, customer_id, error_url, href_token, id, payment_ref, status, stored_card_id, subscription_id,
/// success_url, template_id, test, transaction_type and updated_at (plus metadata paths).
/// </summary>
internal static class TransactionSchema
{
    public static readonly ResourceSchema<TransactionRecord> Instance = new(
        "transaction",
        t => t.Id,
        [
            new("amount", FieldKind.Decimal, t => t.Amount.Value),
            new("card_holder", FieldKind.Text, t => t.Card?.Holder),
            new("card_number", FieldKind.Text, t => t.Card?.MaskedNumber),
            new("card_type", FieldKind.Text, t => t.Card?.Brand),
            new("created_at", FieldKind.Date, t => t.CreatedAt),
            new("currency", FieldKind.Text, t => t.Currency.Code),
            new("customer_id", FieldKind.Integer, t => t.CustomerId),
            new("error_url", FieldKind.Text, t => t.ErrorUrl),
            new("href_token", FieldKind.Text, t => t.HrefToken),
            new("id", FieldKind.Integer, t => t.Id),
            new("payment_ref", FieldKind.Text, t => t.PaymentRef),
            new("status", FieldKind.Text, t => t.Status),
            new("stored_card_id", FieldKind.Integer, t => t.StoredCardId),
            new("subscription_id", FieldKind.Integer, t => t.SubscriptionId),
            new("success_url", FieldKind.Text, t => t.SuccessUrl),
            new("template_id", FieldKind.Integer, t => t.TemplateId),
            new("test", FieldKind.Boolean, t => t.Test),
            new("transaction_type", FieldKind.Text, t => t.TransactionType),
            new("updated_at", FieldKind.Date, t => t.UpdatedAt),
        ],
        t => t.Metadata);
}
