using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

public static class WireCulture
{
    public static IFormatProvider Provider => CultureInfo.InvariantCulture;
}

public static class MarinaBerths
{
    public static Dictionary<string, string> Create(string merchantId, string secret, string berthBooking, decimal fee) => new()
    {
        ["payment_ref"] = berthBooking,
        ["amount"] = fee.ToString("0.00", WireCulture.Provider),
        ["currency"] = "sek",
        ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + berthBooking + fee.ToString("0.00", WireCulture.Provider) + "sek" + "false" + secret))),
    };
}
