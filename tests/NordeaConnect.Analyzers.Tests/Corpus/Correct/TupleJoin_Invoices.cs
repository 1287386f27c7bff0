using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class InvoicesTuples
{
    public static List<(string Key, string Value)> Build((string MerchantId, string Secret) account, (string Ref, decimal Total, bool Test) order)
    {
        var amount = FormattableString.Invariant($"{order.Total:0.00}");
        var test = order.Test ? "true" : "false";
        var signed = string.Join("", new[] { account.MerchantId, order.Ref, amount, "nok", test, account.Secret });
        return new List<(string Key, string Value)>
        {
            ("merchant_id", account.MerchantId),
            ("payment_ref", order.Ref),
            ("amount", amount),
            ("currency", "nok"),
            ("test", test),
            ("hash", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(signed)))),
        };
    }
}
