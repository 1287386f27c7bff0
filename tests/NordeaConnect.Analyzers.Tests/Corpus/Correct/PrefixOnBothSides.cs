using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class PrefixedReferences
{
    public static Dictionary<string, string> Create(string merchantId, string secret, int orderNumber, decimal total)
    {
        var reference = "WS-" + orderNumber.ToString(CultureInfo.InvariantCulture);
        var amount = total.ToString("0.00", CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["payment_ref"] = reference,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + reference + amount + "sek" + "false" + secret))),
        };
    }
}
