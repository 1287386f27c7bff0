namespace NordeaConnect.Analyzers.Tests.Corpus;

/// <summary>Classic Nordea Connect integration bugs, each marked with every rule it must raise (and no other).</summary>
internal static class BuggySnippets
{
    public static TheoryData<string, string> All => new()
    {
        { "reference PHP sample", Hashes.ReferenceSamples.Php },
        { "reference C# sample", Hashes.ReferenceSamples.CSharp },
        { "amount sent with the current culture", """
            using System.Collections.Generic;

            public static class Refunds
            {
                public static Dictionary<string, string> Create(long transactionId, decimal amount) => new()
                {
                    ["transaction_id"] = transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["amount"] = {|NC1001:amount.ToString()|},
                };
            }
            """ },
        { "amount literal without decimals", """
            using System.Collections.Generic;

            public static class Refunds
            {
                public static KeyValuePair<string, string>[] Create() => new[] { new KeyValuePair<string, string>("amount", {|NC1003:"5"|}) };
            }
            """ },
        { "double money in a request", """
            public sealed class CaptureRequest
            {
                public double {|NC1002:Amount|} { get; set; }
            }
            """ },
        { "hash with bool as True/False and culture amount", """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + {|NC2003:amount|} + currency + {|NC2002:test|} + secret)));
            }
            """ },
        { "hash in upper-case hex", """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, string amount, string currency, string test, string secret) =>
                    {|NC2004:Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + test + secret)))|};
            }
            """ },
        { "hash with fields swapped", """
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, string amount, string currency, string test, string secret) =>
                    {|NC2001:Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(paymentRef + merchantId + customerRef + amount + currency + test + secret)))|};
            }
            """ },
        { "hash over 10.00 while 10 is sent", """
            using System;
            using System.Collections.Generic;
            using System.Security.Cryptography;
            using System.Text;

            public static class Payments
            {
                public static Dictionary<string, string> Create(string merchantId, string paymentRef, string secret) => new()
                {
                    ["amount"] = {|NC1003:"10"|},
                    ["currency"] = "sek",
                    ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + "" + {|NC2005:"10.00"|} + "sek" + "false" + secret))),
                };
            }
            """ },
        { "hash secret in source", """
            using NordeaConnect.Primitives;

            public static class Hashes
            {
                private const string HashSecret = {|NC2006:"hunter2"|};

                public static string Compute(string merchantId, Amount amount) =>
                    RequestHash.Compute(merchantId, PaymentRef.Parse("order-1"), null, amount, CurrencyCode.Parse("sek"), false, HashSecret);
            }
            """ },
        { "double price flowing into Amount", """
            using NordeaConnect.Primitives;

            public static class Orders
            {
                public static Amount Total(double {|NC1002:price|}, int quantity) => Amount.FromDecimal((decimal)price * quantity);
            }
            """ },
        { "plan prices formatted by culture", """
            using System.Collections.Generic;

            public sealed class CreatePlanRequest
            {
                public Dictionary<string, string> Prices { get; set; } = new();
            }

            public static class Plans
            {
                public static CreatePlanRequest Create(decimal sek) => new() { Prices = new Dictionary<string, string> { ["sek"] = $"{{|NC1001:sek|}:F2}" } };
            }
            """ },
    };
}
