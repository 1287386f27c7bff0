using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class GymMemberships
{
    public static string Sign(string merchantId, string secret, string memberRef, string amount, string currency) =>
        {|NC2001:Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId};{memberRef};{amount};{currency};false;{secret}")))|};
}
