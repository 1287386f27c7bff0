using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;

public static class ResponseVerifier
{
    public static bool VerifyResponse(string merchantId, long transactionId, string status, string amount, string secret, string received) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + transactionId + status + amount + secret))) == received;
}
