using NordeaConnect.Analyzers.Hashes;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Hashes;

public sealed class RequestHashRecipeTests
{
    private static RuleTest Rule() => RuleTest.For<RequestHashRecipeAnalyzer, RequestHashRecipeFixer>();

    [Fact]
    public Task Recipe_in_documented_order_and_other_md5_uses_are_fine() =>
        Rule().WithSource("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Request(string merchantId, string paymentRef, string? customerRef, decimal amount, string currency, bool test, string secret)
                {
                    var text = merchantId + paymentRef + (customerRef ?? "") + amount.ToString("0.00", CultureInfo.InvariantCulture) + currency + (test ? "true" : "false") + secret;
                    return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
                }

                public static string ETag(string body) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body + "|v2")));

                public static byte[] Checksum(byte[] file) => MD5.Create().ComputeHash(file);
            }

            public static class ResponseHash
            {
                // The response_hash has a recipe of its own; it is not the request hash.
                public static string Of(string merchantId, long id, string status, string amount, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + id + status + amount + secret)));
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Reference_php_sample_is_reported() => Rule().WithSource(ReferenceSamples.Php).VerifyDiagnosticsAsync();

    [Fact]
    public Task Reference_csharp_sample_is_reported() => Rule().WithSource(ReferenceSamples.CSharp).VerifyDiagnosticsAsync();

    [Fact]
    public Task Out_of_order_extra_and_missing_parts_are_reported() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Swapped(string merchantId, string paymentRef, string customerRef, string amount, string currency, string secret) =>
                    [|Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + currency + amount + "false" + secret))).ToLowerInvariant()|];

                public static string Separated(string merchantId, string paymentRef, string amount, string currency, string secret)
                {
                    var builder = new StringBuilder();
                    builder.Append(merchantId).Append('|').Append(paymentRef);
                    builder.Append(amount).Append(currency).Append("true").Append(secret);
                    using var md5 = MD5.Create();
                    return [|Convert.ToHexStringLower(md5.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString())))|];
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_rewrites_the_reference_csharp_sample_to_RequestHash_Compute() =>
        Rule().WithSource(ReferenceSamples.CSharp).FixedTo(ReferenceSamples.CSharpFixed).VerifyFixAsync();

    [Fact]
    public Task Fix_takes_missing_fields_from_the_request_and_converts_typed_values() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Captures
            {
                public static Dictionary<string, string> Create(int merchantId, string orderRef, decimal amount, bool test, string hashSecret)
                {
                    var form = new Dictionary<string, string>
                    {
                        ["payment_ref"] = orderRef,
                        ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
                        ["currency"] = "sek",
                        ["customer_ref"] = "c-17",
                    };
                    var raw = $"{merchantId}{orderRef}{amount.ToString("0.00", CultureInfo.InvariantCulture)}{hashSecret}{(test ? "true" : "false")}";
                    var hash = MD5.HashData(Encoding.UTF8.GetBytes(raw));
                    form["hash"] = [|Convert.ToHexString(hash).ToLowerInvariant()|];
                    return form;
                }
            }
            """).FixedTo("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;
            using NordeaConnect.Primitives;

            public static class Captures
            {
                public static Dictionary<string, string> Create(int merchantId, string orderRef, decimal amount, bool test, string hashSecret)
                {
                    var form = new Dictionary<string, string>
                    {
                        ["payment_ref"] = orderRef,
                        ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
                        ["currency"] = "sek",
                        ["customer_ref"] = "c-17",
                    };
                    form["hash"] = RequestHash.Compute(merchantId.ToString(CultureInfo.InvariantCulture), PaymentRef.Parse(orderRef), "c-17", Amount.FromDecimal(amount), CurrencyCode.Parse("sek"), test, hashSecret);
                    return form;
                }
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_rewrites_both_reference_samples_across_projects() =>
        Rule().WithSource(ReferenceSamples.Php).WithSource(ReferenceSamples.CSharp).InSeparateProjects()
            .FixedTo(ReferenceSamples.PhpFixed)
            .FixedTo(ReferenceSamples.CSharpFixed).VerifyFixAllAsync();
}
