using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AnalyzerDemo;

/// <summary>A checkout with a gift card: the hash is computed before the card is taken off, and the VAT has no fixed decimals.</summary>
public sealed class GiftCardCheckout(string merchantId, string hashSecret)
{
    public Dictionary<string, string> Form(string orderNo, decimal total, decimal giftCard, decimal vat)
    {
        var payable = total - giftCard;
        var hashed = total.ToString("0.00", CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + orderNo + hashed + "sek" + "false" + hashSecret)));
        return new Dictionary<string, string>
        {
            ["payment_ref"] = orderNo,
            ["amount"] = payable.ToString("0.00", CultureInfo.InvariantCulture),
            ["vat_amount"] = vat.ToString(CultureInfo.InvariantCulture),
            ["currency"] = "sek",
            ["test"] = "false",
            ["hash"] = hash,
        };
    }
}
