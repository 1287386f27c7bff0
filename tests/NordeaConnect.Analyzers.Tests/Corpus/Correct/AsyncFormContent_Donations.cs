using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public interface IDonationsNumbers
{
    Task<string> NextAsync();
}

public sealed class DonationsCheckout
{
    private readonly HttpClient _http;
    private readonly IDonationsNumbers _numbers;

    public DonationsCheckout(HttpClient http, IDonationsNumbers numbers)
    {
        _http = http;
        _numbers = numbers;
    }

    public async Task<HttpResponseMessage> PayAsync(decimal price, string currency)
    {
        var supporterId = await _numbers.NextAsync();
        var merchant = Environment.GetEnvironmentVariable("NC_MERCHANT_ID") ?? "";
        var key = Environment.GetEnvironmentVariable("NC_HASH_SECRET") ?? "";
        var amountText = price.ToString("F2", CultureInfo.InvariantCulture);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("merchant_id", merchant),
            new("payment_ref", supporterId),
            new("amount", amountText),
            new("currency", currency),
            new("test", "false"),
        };
        var raw = merchant + supporterId + amountText + currency + "false" + key;
        pairs.Add(new("hash", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(raw)))));
        return await _http.PostAsync("/api/v1/transaction", new FormUrlEncodedContent(pairs));
    }
}
