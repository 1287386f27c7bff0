using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class WebShopOrders
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string orderNumber, string amount)
    {
        return new Dictionary<string, string>
        {
            ["payment_ref"] = "WS-" + orderNumber,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + {|NC2005:orderNumber|} + amount + "sek" + "false" + secret))),
        };
    }
}
