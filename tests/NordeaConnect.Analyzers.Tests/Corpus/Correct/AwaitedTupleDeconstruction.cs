using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public interface IOrderStore
{
    Task<(string Number, decimal Total)> FindAsync(Guid id);
}

public sealed class ReorderService
{
    private readonly IOrderStore _orders;
    private readonly string _merchantId;
    private readonly string _hashSecret;

    public ReorderService(IOrderStore orders, string merchantId, string hashSecret)
    {
        _orders = orders;
        _merchantId = merchantId;
        _hashSecret = hashSecret;
    }

    public async Task<FormUrlEncodedContent> BuildAsync(Guid id)
    {
        var (number, total) = await _orders.FindAsync(id);
        var amount = total.ToString("0.00", CultureInfo.InvariantCulture);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(_merchantId + number + amount + "sek" + "false" + _hashSecret)));
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["payment_ref"] = number,
            ["amount"] = amount,
            ["currency"] = "sek",
            ["test"] = "false",
            ["hash"] = hash,
        });
    }
}
