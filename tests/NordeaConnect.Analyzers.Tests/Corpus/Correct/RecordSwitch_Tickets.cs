using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum TicketsMarket { Sweden, Norway, Denmark }

public sealed record TicketsPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class TicketsRequestFactory
{
    public static TicketsPaymentRequest Create(string merchantId, string secret, string ticketId, decimal due, TicketsMarket market)
    {
        var currency = market switch
        {
            TicketsMarket.Sweden => "sek",
            TicketsMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = string.Create(CultureInfo.InvariantCulture, $"{due:0.00}");
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{ticketId}{amount}{currency}false{secret}")));
        return new TicketsPaymentRequest(merchantId, ticketId, amount, currency, "false", hash);
    }
}
