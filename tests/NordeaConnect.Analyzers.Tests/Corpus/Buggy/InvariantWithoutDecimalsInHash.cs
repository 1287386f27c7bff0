using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class TollPayments
{
    public static string Sign(string merchantId, string secret, string passageId, decimal toll, string currency) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + passageId + {|NC2007:toll.ToString(CultureInfo.InvariantCulture)|} + currency + "false" + secret)));
}
