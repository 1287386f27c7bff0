using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum DonationsMarket { Sweden, Norway, Denmark }

public sealed record DonationsPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class DonationsRequestFactory
{
    public static DonationsPaymentRequest Create(string merchantId, string secret, string supporterId, decimal due, DonationsMarket market)
    {
        var currency = market switch
        {
            DonationsMarket.Sweden => "sek",
            DonationsMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = string.Create(CultureInfo.InvariantCulture, $"{due:0.00}");
        var hash = {|NC2004:Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{supporterId}{amount}{currency}false{secret}")))|};
        return new DonationsPaymentRequest(merchantId, supporterId, amount, currency, "false", hash);
    }
}
