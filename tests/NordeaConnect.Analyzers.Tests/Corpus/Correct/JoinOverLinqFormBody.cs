using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

public sealed class SeasonPassCheckout
{
    private readonly string _merchantId;
    private readonly string _hashSecret;

    public SeasonPassCheckout(string merchantId, string hashSecret)
    {
        _merchantId = merchantId;
        _hashSecret = hashSecret;
    }

    public StringContent Build(string passNo, decimal price)
    {
        var amount = price.ToString("0.00", CultureInfo.InvariantCulture);
        var fields = new Dictionary<string, string>
        {
            ["merchant_id"] = _merchantId,
            ["payment_ref"] = passNo,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["test"] = "false",
        };
        fields["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(_merchantId + passNo + amount + "sek" + "false" + _hashSecret)));
        var body = string.Join("&", fields.Select(field => field.Key + "=" + Uri.EscapeDataString(field.Value)));
        return new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
    }
}
