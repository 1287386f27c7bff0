using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Checkout;

/// <summary>
/// The payment types the reference lists (transaction_type), as the payment window offers them. Wallets (Apple Pay,
/// MobilePay, Vipps) pay with a card: "approved ApplePay, MobilePay and Vipps transactions change to card transactions,
/// whilst pending/failed/declined transactions show as ApplePay, MobilePay and Vipps", with wallet_type telling them apart.
/// </summary>
internal static class WindowPaymentMethods
{
    private static readonly Dictionary<string, string> Wallets = new(StringComparer.Ordinal)
    {
        ["apple_pay"] = "apple_pay",
        ["mobile_pay_online"] = "mobile_pay",
        ["vipps"] = "vipps",
    };

    private static readonly string[] WithoutCard = ["bank", "swish", "paypal", "siirto", "after_pay", "invoice"];

    public static string Accepted => "credit_card, " + string.Join(", ", Wallets.Keys) + ", " + string.Join(", ", WithoutCard);

    /// <summary>What pays, by the window's payment_method (credit_card by default).</summary>
    public static PaymentSource Read(RequestFields fields, DateTimeOffset now)
    {
        var method = fields.OptionalString("payment_method", 32)?.ToLowerInvariant() ?? "credit_card";
        if (method == "credit_card")
        {
            return new PaymentSource(CardInput.Read(fields, now), null, "credit_card", "credit_card");
        }

        if (Wallets.TryGetValue(method, out var walletType))
        {
            return new PaymentSource(CardInput.Read(fields, now), null, method, "credit_card") { WalletType = walletType };
        }

        return WithoutCard.Contains(method)
            ? new PaymentSource(null, null, method, method)
            : throw new ApiException(SandboxErrors.ParameterInvalid, "payment_method", "expected one of " + Accepted);
    }
}
