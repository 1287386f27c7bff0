using NordeaConnect.Analyzers.Hashes;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Hashes;

public sealed class RequestHashNotLowerHexTests
{
    private static RuleTest Rule() => RuleTest.For<RequestHashNotLowerHexAnalyzer, RequestHashNotLowerHexFixer>();

    private const string Fields = "string merchantId, string paymentRef, string customerRef, string amount, string currency, string test, string secret";

    private const string Text = "merchantId + paymentRef + customerRef + amount + currency + test + secret";

    [Fact]
    public Task Lower_case_hex_in_any_spelling_is_fine() =>
        Rule().WithSource($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Lower({{Fields}}) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes({{Text}})));

                public static string Lowered({{Fields}}) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes({{Text}}))).ToLowerInvariant();

                public static string Dashless({{Fields}}) => BitConverter.ToString(MD5.Create().ComputeHash(Encoding.UTF8.GetBytes({{Text}}))).Replace("-", "").ToLower();

                public static string Loop({{Fields}})
                {
                    var hash = MD5.HashData(Encoding.UTF8.GetBytes({{Text}}));
                    var builder = new StringBuilder();
                    foreach (var b in hash)
                    {
                        builder.Append(b.ToString("x2"));
                    }

                    return builder.ToString();
                }

                public static string ETag(string body) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(body)));
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Upper_case_dashed_and_base64_renderings_are_reported() =>
        Rule().WithSource($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Upper({{Fields}}) => [|Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes({{Text}})))|];

                public static string Dashed({{Fields}}) => [|BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes({{Text}}))).ToLowerInvariant()|];

                public static string Base64({{Fields}}) => [|Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes({{Text}})))|];

                public static string Loop({{Fields}})
                {
                    var hash = MD5.HashData(Encoding.UTF8.GetBytes({{Text}}));
                    var builder = new StringBuilder();
                    for (var i = 0; i < hash.Length; i++)
                    {
                        builder.Append([|hash[i].ToString("X2")|]);
                    }

                    return builder.ToString();
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_renders_lower_case_hex() =>
        Rule().WithSource($$"""
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Upper({{Fields}}) => [|System.BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes({{Text}}))).Replace("-", string.Empty)|];

                public static string Loop({{Fields}})
                {
                    var builder = new StringBuilder();
                    foreach (var b in MD5.HashData(Encoding.UTF8.GetBytes({{Text}})))
                    {
                        builder.Append($"[|{b:X2}|]");
                    }

                    return builder.ToString();
                }
            }
            """).FixedTo($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Upper({{Fields}}) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes({{Text}})));

                public static string Loop({{Fields}})
                {
                    var builder = new StringBuilder();
                    foreach (var b in MD5.HashData(Encoding.UTF8.GetBytes({{Text}})))
                    {
                        builder.Append($"{b:x2}");
                    }

                    return builder.ToString();
                }
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_covers_every_project() =>
        Rule().WithSource($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class A
            {
                public static string Hash({{Fields}})
                {
                    var hash = MD5.HashData(Encoding.UTF8.GetBytes({{Text}}));
                    var builder = new StringBuilder();
                    foreach (var b in hash)
                    {
                        builder.Append([|b.ToString("X2")|]);
                    }

                    return builder.ToString();
                }
            }
            """).WithSource($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash({{Fields}}) => [|Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes({{Text}}))).ToUpperInvariant()|];
            }
            """).InSeparateProjects().FixedTo($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class A
            {
                public static string Hash({{Fields}})
                {
                    var hash = MD5.HashData(Encoding.UTF8.GetBytes({{Text}}));
                    var builder = new StringBuilder();
                    foreach (var b in hash)
                    {
                        builder.Append(b.ToString("x2"));
                    }

                    return builder.ToString();
                }
            }
            """).FixedTo($$"""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash({{Fields}}) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes({{Text}})));
            }
            """).VerifyFixAllAsync();
}
