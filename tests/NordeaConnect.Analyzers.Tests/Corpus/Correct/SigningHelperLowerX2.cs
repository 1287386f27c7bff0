using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

internal static class HashTextLower
{
    public static string Md5Hex(string input)
    {
        using var md5 = MD5.Create();
        var bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(input));
        var hex = new StringBuilder(32);
        foreach (var b in bytes)
        {
            hex.Append(b.ToString("x2"));
        }

        return hex.ToString();
    }
}

public static class CampsitePaymentsLower
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string pitchBooking, string amount) => new()
    {
        ["payment_ref"] = pitchBooking,
        ["amount"] = amount,
        ["currency"] = "sek",
        ["hash"] = HashTextLower.Md5Hex(merchantId + pitchBooking + amount + "sek" + "false" + secret),
    };
}
