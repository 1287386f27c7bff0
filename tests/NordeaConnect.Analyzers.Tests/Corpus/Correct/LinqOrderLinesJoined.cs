using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public static class OrderSummaries
{
    public static string Describe(IEnumerable<OrderLine> lines) =>
        string.Join("\n", lines.Select(line => line.Sku + " x" + line.Quantity + " @ " + line.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture)));

    public static string Fingerprint(IEnumerable<OrderLine> lines) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("", lines.Select(line => line.Sku + line.Quantity)))));
}
