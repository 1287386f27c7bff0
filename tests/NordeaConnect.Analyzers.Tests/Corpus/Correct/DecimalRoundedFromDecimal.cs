using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class EnergyInvoices
{
    public static List<KeyValuePair<string, string>> Pay(string meterId, decimal kwh, decimal pricePerKwh)
    {
        var rounded = Math.Round(kwh * pricePerKwh, 2, MidpointRounding.AwayFromZero);
        return new List<KeyValuePair<string, string>>
        {
            new("payment_ref", meterId),
            new("amount", rounded.ToString("0.00", CultureInfo.InvariantCulture)),
            new("currency", "sek"),
        };
    }
}
