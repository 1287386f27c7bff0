using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class EnergyInvoiceController
{
    public List<KeyValuePair<string, string>> Pay(string meterId, double kwh, double pricePerKwh)
    {
        var sum = Convert.ToDecimal(kwh * pricePerKwh);
        var rounded = Math.Round(sum, 2);
        return new List<KeyValuePair<string, string>>
        {
            new("payment_ref", meterId),
            new("amount", {|NC1002:rounded|}.ToString("0.00", CultureInfo.InvariantCulture)),
            new("currency", "sek"),
        };
    }
}
