using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum InvoicesMarket { Sweden, Norway, Denmark }

public sealed record InvoicesPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class InvoicesRequestFactory
{
    public static InvoicesPaymentRequest Create(string merchantId, string secret, string invoiceNumber, decimal due, InvoicesMarket market)
    {
        var currency = market switch
        {
            InvoicesMarket.Sweden => "sek",
            InvoicesMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = string.Create(CultureInfo.InvariantCulture, $"{due:0.00}");
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{invoiceNumber}{amount}{currency}false{secret}")));
        return new InvoicesPaymentRequest(merchantId, invoiceNumber, amount, currency, "false", hash);
    }
}
