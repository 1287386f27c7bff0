using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class RequestSigner
{
    private readonly string _secret;

    public RequestSigner(string secret) => _secret = secret;

    public string Sign(string payload)
    {
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(payload));
        return BitConverter.ToString(digest).Replace("-", "");
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
            ["hash"] = {|NC2004:Sign(merchantId + rentalId + amount + "eur" + testText + _secret)|},
        };
    }
}
