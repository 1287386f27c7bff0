using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class DonationsWireFormat : IFormatProvider
{
    public static readonly DonationsWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record DonationsLine(string Sku, decimal UnitPrice, int Quantity);

public static class DonationsQueryStrings
{
    public static string Build(string merchantId, string secret, string supporterId, IEnumerable<DonationsLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = {|NC1001:total.ToString("0.00", new CultureInfo("sv-SE"))|};
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, supporterId, amount, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(supporterId) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
