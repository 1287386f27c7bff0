using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class RawFormBodiesInvariant
{
    public static StringContent Build(string orderNo, decimal total)
    {
        var body = new StringBuilder();
        body.Append("payment_ref=").Append(Uri.EscapeDataString(orderNo));
        body.Append("&amount=").Append(total.ToString("0.00", CultureInfo.InvariantCulture));
        body.Append("&currency=sek");
        return new StringContent(body.ToString(), Encoding.UTF8, "application/x-www-form-urlencoded");
    }
}
