using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class HostedPaymentLinks
{
    public static string Build(string merchantId, string orderNo, decimal total) =>
        "https://pay.example/checkout?merchant_id=" + merchantId + "&payment_ref=" + orderNo + "&amount=" + {|NC1001:total|} + "&currency=sek";
}
