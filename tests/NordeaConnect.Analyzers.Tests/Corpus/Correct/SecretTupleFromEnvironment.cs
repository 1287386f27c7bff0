using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class Accounts
{
    public static readonly Dictionary<string, (string MerchantId, string Secret)> ByShop = new()
    {
        ["se"] = (Environment.GetEnvironmentVariable("SE_MERCHANT") ?? "", Environment.GetEnvironmentVariable("SE_SECRET") ?? ""),
        ["no"] = (Environment.GetEnvironmentVariable("NO_MERCHANT") ?? "", Environment.GetEnvironmentVariable("NO_SECRET") ?? ""),
    };
}
