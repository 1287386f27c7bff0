using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class FreightCharges
{
    public static Dictionary<string, string> Create(string consignment, double ratePerKg, double weightKg)
    {
        var charge = ratePerKg * weightKg;
        return new Dictionary<string, string>
        {
            ["payment_ref"] = consignment,
            ["amount"] = {|NC1002:charge|}.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = "sek",
        };
    }
}
