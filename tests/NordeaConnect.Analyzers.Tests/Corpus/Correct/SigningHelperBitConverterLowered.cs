using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class LoweredSigner
{
    private readonly string _secret;

    public LoweredSigner(string secret) => _secret = secret;

    public string Sign(string payload)
    {
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(payload));
        return BitConverter.ToString(digest).Replace("-", "").ToLowerInvariant();
    }

    public Dictionary<string, string> Create(string merchantId, string rentalId, string amount, bool test)
    {
        var testText = test ? "true" : "false";
        return new Dictionary<string, string>
        {
            ["payment_ref"] = rentalId,
            ["amount"] = amount,
            ["currency"] = "eur",
            ["test"] = testText,
            ["hash"] = Sign(merchantId + rentalId + amount + "eur" + testText + _secret),
        };
    }
}
