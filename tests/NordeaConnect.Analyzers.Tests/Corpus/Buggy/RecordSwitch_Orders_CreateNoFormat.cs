using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public enum OrdersMarket { Sweden, Norway, Denmark }

public sealed record OrdersPaymentRequest(string MerchantId, string PaymentRef, string Amount, string Currency, string Test, string Hash);

public static class OrdersRequestFactory
{
    public static OrdersPaymentRequest Create(string merchantId, string secret, string orderNo, decimal due, OrdersMarket market)
    {
        var currency = market switch
        {
            OrdersMarket.Sweden => "sek",
            OrdersMarket.Norway => "nok",
            _ => "dkk",
        };
        var amount = $"{{|NC1001:due|}}";
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{orderNo}{amount}{currency}false{secret}")));
        return new OrdersPaymentRequest(merchantId, orderNo, amount, currency, "false", hash);
    }
}
