using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public interface IInvoicesNumbers
{
    Task<string> NextAsync();
}

public sealed class InvoicesCheckout
{
    private readonly HttpClient _http;
    private readonly IInvoicesNumbers _numbers;

    public InvoicesCheckout(HttpClient http, IInvoicesNumbers numbers)
    {
        _http = http;
        _numbers = numbers;
    }

    public async Task<HttpResponseMessage> PayAsync(decimal price, string currency)
    {
        var invoiceNumber = await _numbers.NextAsync();
        var merchant = Environment.GetEnvironmentVariable("NC_MERCHANT_ID") ?? "";
        var key = Environment.GetEnvironmentVariable("NC_HASH_SECRET") ?? "";
        var amountText = price.ToString("F2", CultureInfo.InvariantCulture);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("merchant_id", merchant),
            new("payment_ref", invoiceNumber),
            new("amount", amountText),
            new("currency", currency),
            new("test", "false"),
        };
        var raw = merchant + invoiceNumber + amountText + currency + "false" + key;
        pairs.Add(new("hash", {|NC2004:BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(raw))).Replace("-", "")|}));
        return await _http.PostAsync("/api/v1/transaction", new FormUrlEncodedContent(pairs));
    }
}
