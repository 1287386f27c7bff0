using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class BookingsWireFormat : IFormatProvider
{
    public static readonly BookingsWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record BookingsLine(string Sku, decimal UnitPrice, int Quantity);

public static class BookingsQueryStrings
{
    public static string Build(string merchantId, string secret, string bookingCode, IEnumerable<BookingsLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = total.ToString("0.00", BookingsWireFormat.Instance);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, bookingCode, amount, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(bookingCode) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
