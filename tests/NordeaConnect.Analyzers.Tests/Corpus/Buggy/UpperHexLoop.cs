using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class FerrySigner
{
    public static string Sign(string merchantId, string secret, string paymentRef, string amount, string currency)
    {
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + amount + currency + "false" + secret));
        var builder = new StringBuilder();
        foreach (var b in digest)
        {
            builder.Append({|NC2004:b.ToString("X2")|});
        }

        return builder.ToString();
    }
}
