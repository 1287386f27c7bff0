using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class SubscriptionPayments
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string subscriptionId, string memberId, decimal fee)
    {
        var amount = fee.ToString("0.00", CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string>
        {
            ["payment_ref"] = subscriptionId,
            ["customer_ref"] = memberId,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["test"] = "false",
        };
        form["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + subscriptionId + memberId + amount + "sek" + "false" + secret)));
        return form;
    }
}
