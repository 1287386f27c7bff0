using NordeaConnect.Sandbox.Listing;

namespace NordeaConnect.Sandbox.StoredCards;

/// <summary>
/// The stored card list's filters: card_holder, card_number, card_type, created_at, currency, customer_id, expires,
/// id, status, test, token and updated_at.
/// </summary>
internal static class StoredCardSchema
{
    public static readonly ResourceSchema<StoredCardRecord> Instance = new(
        "stored card",
        c => c.Id,
        [
            new("card_holder", FieldKind.Text, c => c.CardHolder),
            new("card_number", FieldKind.Text, c => c.MaskedNumber),
            new("card_type", FieldKind.Text, c => c.Brand),
            new("created_at", FieldKind.Date, c => c.CreatedAt),
            new("currency", FieldKind.Text, c => c.Currency.Code),
            new("customer_id", FieldKind.Integer, c => c.CustomerId),
            new("expires", FieldKind.Date, c => c.Expires),
            new("id", FieldKind.Integer, c => c.Id),
            new("status", FieldKind.Text, c => c.Status),
            new("test", FieldKind.Boolean, c => c.Test),
            new("token", FieldKind.Text, c => c.Token),
            new("updated_at", FieldKind.Date, c => c.UpdatedAt),
        ]);
}
