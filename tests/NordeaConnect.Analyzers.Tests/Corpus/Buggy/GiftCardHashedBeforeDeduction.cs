using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public sealed record Basket(string Id, decimal Total, decimal GiftCard);

public static class GiftCardCheckout
{
    public static Dictionary<string, string> Create(string merchantId, string secret, Basket basket)
    {
        var total = basket.Total;
        var payable = total - basket.GiftCard;
        return new Dictionary<string, string>
        {
            ["payment_ref"] = basket.Id,
            ["amount"] = payable.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = "eur",
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + basket.Id + {|NC2005:total.ToString("0.00", CultureInfo.InvariantCulture)|} + "eur" + "false" + secret))),
        };
    }
}
