using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class InvoicesWireFormat : IFormatProvider
{
    public static readonly InvoicesWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record InvoicesLine(string Sku, decimal UnitPrice, int Quantity);

public static class InvoicesQueryStrings
{
    public static string Build(string merchantId, string secret, string invoiceNumber, IEnumerable<InvoicesLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = total.ToString("0.00", InvoicesWireFormat.Instance);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, invoiceNumber, amount, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(invoiceNumber) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
