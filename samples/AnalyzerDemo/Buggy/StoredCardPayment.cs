using System.Security.Cryptography;
using System.Text;

namespace AnalyzerDemo;

/// <summary>A stored-card payment form as it is often first written: it works on the developer's machine, and fails in Sweden.</summary>
public sealed class StoredCardPayment(string merchantId, string hashSecret)
{
    public IReadOnlyList<KeyValuePair<string, string>> Form(string paymentRef, string cardToken, decimal amount, bool test)
    {
        var text = merchantId + paymentRef + amount + "sek" + test + hashSecret;
        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        return new List<KeyValuePair<string, string>>
        {
            new("amount", amount.ToString()),
            new("currency", "sek"),
            new("payment_ref", paymentRef),
            new("card_number", cardToken),
            new("card_type", "stored_card"),
            new("test", test ? "true" : "false"),
            new("hash", hash),
        };
    }
}
