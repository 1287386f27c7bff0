using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class TicketsWireFormat : IFormatProvider
{
    public static readonly TicketsWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record TicketsLine(string Sku, decimal UnitPrice, int Quantity)
{
    public double {|NC1002:DiscountAmount|} { get; init; }
}

public static class TicketsQueryStrings
{
    public static string Build(string merchantId, string secret, string ticketId, IEnumerable<TicketsLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = total.ToString("0.00", TicketsWireFormat.Instance);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, ticketId, amount, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(ticketId) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
