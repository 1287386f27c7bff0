using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class SchoolLunches
{
    public static string Sign(string merchantId, string secret, string pupilRef, decimal amount, string currency) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, pupilRef, {|NC2003:amount|}, currency, "false", secret))));
}
