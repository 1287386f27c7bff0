namespace NordeaConnect.Analyzers.Tests.Hashes;

/// <summary>
/// The Nordea Connect reference's own request-hash samples (PHP and C#, "Using a Tokenized Card through API"),
/// translated to compiling C#. Both leave fields out of the documented recipe, so both must be reported.
/// Each is kept here once, with what the NC2001 fix makes of it, for every test that uses it.
/// </summary>
internal static class ReferenceSamples
{
    /// <summary>md5(username . $ref . "10.00" . secret): no customer_ref, currency or test.</summary>
    public const string Php = """
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;

        public static class Php
        {
            public static string Md5(string text) => System.Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        }

        public static class TokenizedCardPayment
        {
            public static Dictionary<string, string> Create(IReadOnlyDictionary<string, string> appSettings, string @ref) => new()
            {
                ["card_number"] = "cc583309-0fe2-417d-a7e9-84da476a6596",
                ["card_type"] = "stored_card",
                ["amount"] = "10.00",
                ["payment_ref"] = @ref,
                ["currency"] = "eur",
                ["test"] = "true",
                ["hash"] = {|NC2001:Php.Md5(appSettings["username"] + @ref + "10.00" + appSettings["secret"])|},
            };
        }
        """;

    /// <summary>(ApiUsername + payment_ref + "10.00" + "sek" + ApiSecret).ToMD5(): no customer_ref or test.</summary>
    public const string CSharp = """
        using System;
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;

        public static class Settings
        {
            public static string ApiUsername { get; set; } = "";
            public static string ApiSecret { get; set; } = "";
        }

        public static class StringExtensions
        {
            public static string ToMD5(this string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        }

        public static class TokenizedCardPayment
        {
            public static List<KeyValuePair<string, string>> Create()
            {
                var payment_ref = DateTimeOffset.Now.Ticks.ToString();
                var postData = new List<KeyValuePair<string, string>>();
                postData.Add(new KeyValuePair<string, string>("amount", "10.00"));
                postData.Add(new KeyValuePair<string, string>("payment_ref", payment_ref));
                postData.Add(new KeyValuePair<string, string>("card_number", "cc583309-0fe2-417d-a7e9-84da476a6596"));
                postData.Add(new KeyValuePair<string, string>("card_type", "stored_card"));
                postData.Add(new KeyValuePair<string, string>("currency", "sek"));
                postData.Add(new KeyValuePair<string, string>("hash", {|NC2001:(Settings.ApiUsername + payment_ref + "10.00" + "sek" + Settings.ApiSecret).ToMD5()|}));
                postData.Add(new KeyValuePair<string, string>("encrypted", "card_number"));
                return postData;
            }
        }
        """;

    /// <summary>What the NC2001 fix makes of <see cref="Php"/>: the documented recipe through RequestHash.Compute.</summary>
    public const string PhpFixed = """
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;
        using NordeaConnect.Primitives;

        public static class Php
        {
            public static string Md5(string text) => System.Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        }

        public static class TokenizedCardPayment
        {
            public static Dictionary<string, string> Create(IReadOnlyDictionary<string, string> appSettings, string @ref) => new()
            {
                ["card_number"] = "cc583309-0fe2-417d-a7e9-84da476a6596",
                ["card_type"] = "stored_card",
                ["amount"] = "10.00",
                ["payment_ref"] = @ref,
                ["currency"] = "eur",
                ["test"] = "true",
                ["hash"] = RequestHash.Compute(appSettings["username"], PaymentRef.Parse(@ref), null, Amount.Parse("10.00"), CurrencyCode.Parse("eur"), true, appSettings["secret"]),
            };
        }
        """;

    /// <summary>What the NC2001 fix makes of <see cref="CSharp"/>, alone or together with <see cref="Php"/>.</summary>
    public const string CSharpFixed = """
        using System;
        using System.Collections.Generic;
        using System.Security.Cryptography;
        using System.Text;
        using NordeaConnect.Primitives;

        public static class Settings
        {
            public static string ApiUsername { get; set; } = "";
            public static string ApiSecret { get; set; } = "";
        }

        public static class StringExtensions
        {
            public static string ToMD5(this string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
        }

        public static class TokenizedCardPayment
        {
            public static List<KeyValuePair<string, string>> Create()
            {
                var payment_ref = DateTimeOffset.Now.Ticks.ToString();
                var postData = new List<KeyValuePair<string, string>>();
                postData.Add(new KeyValuePair<string, string>("amount", "10.00"));
                postData.Add(new KeyValuePair<string, string>("payment_ref", payment_ref));
                postData.Add(new KeyValuePair<string, string>("card_number", "cc583309-0fe2-417d-a7e9-84da476a6596"));
                postData.Add(new KeyValuePair<string, string>("card_type", "stored_card"));
                postData.Add(new KeyValuePair<string, string>("currency", "sek"));
                postData.Add(new KeyValuePair<string, string>("hash", RequestHash.Compute(Settings.ApiUsername, PaymentRef.Parse(payment_ref), null, Amount.Parse("10.00"), CurrencyCode.Parse("sek"), false, Settings.ApiSecret)));
                postData.Add(new KeyValuePair<string, string>("encrypted", "card_number"));
                return postData;
            }
        }
        """;
}
