using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public sealed class ConversionStats
{
    public double Ratio { get; set; }

    public string Describe(int visits, int orders)
    {
        Ratio = visits == 0 ? 0 : (double)orders / visits;
        return "Conversion: " + Ratio.ToString("P1", CultureInfo.CurrentCulture);
    }
}
