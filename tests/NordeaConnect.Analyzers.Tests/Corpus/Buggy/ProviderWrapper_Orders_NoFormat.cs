using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class OrdersWireFormat : IFormatProvider
{
    public static readonly OrdersWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record OrdersLine(string Sku, decimal UnitPrice, int Quantity);

public static class OrdersQueryStrings
{
    public static string Build(string merchantId, string secret, string orderNo, IEnumerable<OrdersLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = {|NC1004:total.ToString(OrdersWireFormat.Instance)|};
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, orderNo, amount, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(orderNo) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
