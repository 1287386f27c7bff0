using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AnalyzerDemo;

/// <summary>The same checkout fixed: one payable amount, rendered once as invariant 0.00, is both hashed and sent.</summary>
public sealed class GiftCardCheckout(string merchantId, string hashSecret)
{
    public Dictionary<string, string> Form(string orderNo, decimal total, decimal giftCard, decimal vat)
    {
        var payable = (total - giftCard).ToString("0.00", CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + orderNo + payable + "sek" + "false" + hashSecret)));
        return new Dictionary<string, string>
        {
            ["payment_ref"] = orderNo,
            ["amount"] = payable,
            ["vat_amount"] = vat.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = "sek",
            ["test"] = "false",
            ["hash"] = hash,
        };
    }
}
