using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class QuickPay
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string cartId, string amount) => new()
    {
        ["payment_ref"] = cartId,
        ["amount"] = amount,
        ["currency"] = "sek",
        ["test"] = "false",
        ["hash"] = {|NC2001:Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + cartId + amount + secret)))|},
    };
}
