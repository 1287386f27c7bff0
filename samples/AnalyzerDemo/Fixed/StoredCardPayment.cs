using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AnalyzerDemo;

/// <summary>The same form after the code fixes: invariant "0.00" amounts, "true"/"false", lower-case hex.</summary>
public sealed class StoredCardPayment(string merchantId, string hashSecret)
{
    public IReadOnlyList<KeyValuePair<string, string>> Form(string paymentRef, string cardToken, decimal amount, bool test)
    {
        var text = merchantId + paymentRef + amount.ToString("0.00", CultureInfo.InvariantCulture) + "sek" + (test ? "true" : "false") + hashSecret;
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        return new List<KeyValuePair<string, string>>
        {
            new("amount", amount.ToString("0.00", CultureInfo.InvariantCulture)),
            new("currency", "sek"),
            new("payment_ref", paymentRef),
            new("card_number", cardToken),
            new("card_type", "stored_card"),
            new("test", test ? "true" : "false"),
            new("hash", hash),
        };
    }
}
