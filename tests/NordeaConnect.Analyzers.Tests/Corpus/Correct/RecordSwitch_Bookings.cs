using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum BookingsMarket { Sweden, Norway, Denmark }

public sealed record BookingsPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class BookingsRequestFactory
{
    public static BookingsPaymentRequest Create(string merchantId, string secret, string bookingCode, decimal due, BookingsMarket market)
    {
        var currency = market switch
        {
            BookingsMarket.Sweden => "sek",
            BookingsMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = string.Create(CultureInfo.InvariantCulture, $"{due:0.00}");
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{bookingCode}{amount}{currency}false{secret}")));
        return new BookingsPaymentRequest(merchantId, bookingCode, amount, currency, "false", hash);
    }
}
