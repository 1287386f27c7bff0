using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

using System.Collections.Specialized;

public class InvoicesLegacyGateway
{
    private static string ApiUsername = System.Environment.GetEnvironmentVariable("NC_USER") ?? "";
    private static string ApiSecret = System.Environment.GetEnvironmentVariable("NC_SECRET") ?? "";

    public NameValueCollection CreatePostData(string invoiceNumber, decimal orderTotal)
    {
        NameValueCollection postData = new NameValueCollection();
        string amount = orderTotal.ToString("0.00", CultureInfo.InvariantCulture);
        postData["merchant_id"] = ApiUsername;
        postData["payment_ref"] = invoiceNumber;
        postData["amount"] = amount;
        postData["currency"] = "sek";
        string toHash = string.Format(CultureInfo.InvariantCulture, "{0}{1}{2}{3}{4}{5}", ApiUsername, invoiceNumber, amount, "sek", "false", ApiSecret);
        MD5 md5 = MD5.Create();
        byte[] bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(toHash));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.Length; i++)
        {
            sb.Append(bytes[i].ToString("x2"));
        }

        postData["hash"] = sb.ToString();
        return postData;
    }
}
