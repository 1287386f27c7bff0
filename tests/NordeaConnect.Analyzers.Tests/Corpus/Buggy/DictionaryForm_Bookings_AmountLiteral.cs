using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

internal static class Signing
{
    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
}

public sealed class BookingsPaymentForm
{
    private readonly string _merchantId;
    private readonly string _secret;

    public BookingsPaymentForm(string merchantId, string secret)
    {
        _merchantId = merchantId;
        _secret = secret;
    }

    public Dictionary<string, string> Build(string bookingCode, decimal total, bool test)
    {
        var amount = {|NC1003:"199.5"|};
        var testText = test ? "true" : "false";
        return new Dictionary<string, string>
        {
            ["merchant_id"] = _merchantId,
            ["payment_ref"] = bookingCode,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["test"] = testText,
            ["hash"] = Signing.Md5(_merchantId + bookingCode + amount + "sek" + testText + _secret),
        };
    }
}
