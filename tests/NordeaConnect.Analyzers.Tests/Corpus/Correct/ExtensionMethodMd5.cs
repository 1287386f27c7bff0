using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class TextHashing
{
    public static string ToMD5(this string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}

public sealed class DonationController
{
    private readonly string _merchant = Environment.GetEnvironmentVariable("DONATE_MERCHANT") ?? "";
    private readonly string _secret = Environment.GetEnvironmentVariable("DONATE_SECRET") ?? "";

    public IReadOnlyList<KeyValuePair<string, string>> Donate(string campaignCode, decimal gift, bool sandbox)
    {
        var flag = sandbox ? "true" : "false";
        var giftText = gift.ToString("0.00", CultureInfo.InvariantCulture);
        return new[]
        {
            KeyValuePair.Create("payment_ref", campaignCode),
            KeyValuePair.Create("amount", giftText),
            KeyValuePair.Create("currency", "sek"),
            KeyValuePair.Create("test", flag),
            KeyValuePair.Create("hash", (_merchant + campaignCode + giftText + "sek" + flag + _secret).ToMD5()),
        };
    }
}
