using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class RedirectUrls
{
    public static string Build(string merchantId, string secret, string voucherCode, string amount)
    {
        var hash = {|NC2001:Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + voucherCode + amount + "sek" + secret)))|};
        return "merchant_id=" + merchantId + "&payment_ref=" + voucherCode + "&amount=" + amount + "&currency=sek&test=false&hash=" + hash;
    }
}
