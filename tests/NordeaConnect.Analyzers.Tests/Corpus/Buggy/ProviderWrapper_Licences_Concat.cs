using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class LicencesWireFormat : IFormatProvider
{
    public static readonly LicencesWireFormat Instance = new();

    public object? GetFormat(Type? formatType) => CultureInfo.InvariantCulture.GetFormat(formatType);
}

public sealed record LicencesLine(string Sku, decimal UnitPrice, int Quantity);

public static class LicencesQueryStrings
{
    public static string Build(string merchantId, string secret, string licenceNo, IEnumerable<LicencesLine> lines)
    {
        var total = lines.Sum(line => line.UnitPrice * line.Quantity);
        var amount = total.ToString("0.00", LicencesWireFormat.Instance);
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, licenceNo, {|NC2003:total|}, "sek", "true", secret))));
        return "merchant_id=" + Uri.EscapeDataString(merchantId) + "&payment_ref=" + Uri.EscapeDataString(licenceNo) + "&amount=" + amount + "&currency=sek&test=true&hash=" + hash;
    }
}
