using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class DonationsRequests
{
    public static object Create(string merchantId, string secret, string supporterId, decimal sum, string currency)
    {
        var hashText = merchantId + supporterId + string.Format(CultureInfo.InvariantCulture, "{0:0.00}", sum) + currency + {|NC2002:"True"|} + secret;
        return new
        {
            merchant_id = merchantId,
            payment_ref = supporterId,
            amount = string.Format(CultureInfo.InvariantCulture, "{0:0.00}", sum),
            currency,
            test = "true",
            hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(hashText))),
        };
    }
}
