using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class CurrencyNormalised
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string cartId, string amount, string currency)
    {
        var code = currency.ToLowerInvariant();
        return new Dictionary<string, string>
        {
            ["payment_ref"] = cartId,
            ["amount"] = amount,
            ["currency"] = code,
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + cartId + amount + code + "false" + secret))),
        };
    }
}
