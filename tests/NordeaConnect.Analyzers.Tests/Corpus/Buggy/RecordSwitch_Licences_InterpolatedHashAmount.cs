using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum LicencesMarket { Sweden, Norway, Denmark }

public sealed record LicencesPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class LicencesRequestFactory
{
    public static LicencesPaymentRequest Create(string merchantId, string secret, string licenceNo, decimal due, LicencesMarket market)
    {
        var currency = market switch
        {
            LicencesMarket.Sweden => "sek",
            LicencesMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = string.Create(CultureInfo.InvariantCulture, $"{due:0.00}");
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{licenceNo}{{|NC2003:due|}}{currency}false{secret}")));
        return new LicencesPaymentRequest(merchantId, licenceNo, amount, currency, "false", hash);
    }
}
