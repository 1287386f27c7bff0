using NordeaConnect.Sandbox.Http;

namespace NordeaConnect.Sandbox.Transactions;

/// <summary>What pays for a transaction: card details (already masked) or a stored card's token.</summary>
internal sealed record PaymentSource(PaymentCard? Card, string? StoredCardToken, string TransactionType, string PaymentMethod)
{
    /// <summary>apple_pay, mobile_pay or vipps when a wallet carried the card.</summary>
    public string? WalletType { get; init; }

    public static PaymentSource Read(RequestFields fields, DateTimeOffset now)
    {
        if (CardInput.IsStoredCard(fields))
        {
            var token = fields.OptionalString("card_number", 128);
            return string.IsNullOrEmpty(token)
                ? throw new Errors.ApiException(Errors.SandboxErrors.CardNumberMissing)
                : new PaymentSource(null, token, "stored_card", "stored");
        }

        return new PaymentSource(CardInput.Read(fields, now), null, "credit_card", "credit_card");
    }

    /// <summary>A subscription charge on its stored card, run by the billing engine.</summary>
    public static PaymentSource Recurring(string token) => new(null, token, "recurring", "recurring");
}
