using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class OrdersMoney
{
    public static string ToApiAmount(decimal value) => value.ToString("0.00", NumberFormatInfo.InvariantInfo);
}

public sealed class OrdersSigner
{
    public string MerchantId { get; init; } = "";
    public string HashSecret { get; init; } = "";

    public IDictionary<string, string> Sign(string orderNo, decimal net, decimal vat)
    {
        var gross = net + vat;
        var form = new SortedDictionary<string, string>();
        form.Add("merchant_id", MerchantId);
        form.Add("payment_ref", orderNo);
        form.Add("amount", OrdersMoney.ToApiAmount(gross));
        form.Add("currency", "eur");
        var builder = new StringBuilder();
        builder.Append(MerchantId).Append(orderNo);
        builder.Append(OrdersMoney.ToApiAmount(gross)).Append("eur").Append("false");
        builder.Append(HashSecret);
        using var md5 = MD5.Create();
        form.Add("hash", Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString()))).ToLowerInvariant());
        return form;
    }
}
