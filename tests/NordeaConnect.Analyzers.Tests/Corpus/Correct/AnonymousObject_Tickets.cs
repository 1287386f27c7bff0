using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class TicketsRequests
{
    public static object Create(string merchantId, string secret, string ticketId, decimal sum, string currency)
    {
        var hashText = merchantId + ticketId + string.Format(CultureInfo.InvariantCulture, "{0:0.00}", sum) + currency + "true" + secret;
        return new
        {
            merchant_id = merchantId,
            payment_ref = ticketId,
            amount = string.Format(CultureInfo.InvariantCulture, "{0:0.00}", sum),
            currency,
            test = "true",
            hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(hashText))),
        };
    }
}
