using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class KioskPayments
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string receipt, string amount, bool test)
    {
        return new Dictionary<string, string>
        {
            ["payment_ref"] = receipt,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["test"] = test ? "true" : "false",
            ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + receipt + amount + "sek" + ({|NC2002:test ? "1" : "0"|}) + secret))),
        };
    }
}
