using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed record Basket(string Id, decimal Total, decimal GiftCard);

public static class GiftCardCheckout
{
    public static Dictionary<string, string> Create(string merchantId, string secret, Basket basket)
    {
        var payable = (basket.Total - basket.GiftCard).ToString("0.00", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["payment_ref"] = basket.Id,
            ["amount"] = payable,
            ["currency"] = "eur",
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + basket.Id + payable + "eur" + "false" + secret))),
        };
    }
}
