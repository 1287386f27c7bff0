using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public interface ITicketsNumbers
{
    Task<string> NextAsync();
}

public sealed class TicketsCheckout
{
    private readonly HttpClient _http;
    private readonly ITicketsNumbers _numbers;

    public TicketsCheckout(HttpClient http, ITicketsNumbers numbers)
    {
        _http = http;
        _numbers = numbers;
    }

    public async Task<HttpResponseMessage> PayAsync(decimal price, string currency)
    {
        var ticketId = await _numbers.NextAsync();
        var merchant = Environment.GetEnvironmentVariable("NC_MERCHANT_ID") ?? "";
        var key = Environment.GetEnvironmentVariable("NC_HASH_SECRET") ?? "";
        var amountText = price.ToString("F2", CultureInfo.InvariantCulture);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("merchant_id", merchant),
            new("payment_ref", ticketId),
            new("amount", amountText),
            new("currency", currency),
            new("test", "true"),
        };
        var raw = merchant + ticketId + amountText + currency + {|NC2005:"false"|} + key;
        pairs.Add(new("hash", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(raw)))));
        return await _http.PostAsync("/api/v1/transaction", new FormUrlEncodedContent(pairs));
    }
}
