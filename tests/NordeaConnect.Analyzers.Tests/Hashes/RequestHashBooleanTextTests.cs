using NordeaConnect.Analyzers.Hashes;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Hashes;

public sealed class RequestHashBooleanTextTests
{
    private static RuleTest Rule() => RuleTest.For<RequestHashBooleanTextAnalyzer, RequestHashBooleanTextFixer>();

    [Fact]
    public Task Lower_case_words_are_fine() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Ternary(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + (test ? "true" : "false") + secret)));

                public static string Lowered(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{amount}{currency}{test.ToString().ToLowerInvariant()}{secret}")));

                public static string NotAHash(bool test) => "test=" + test;
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Capitalised_booleans_are_reported() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Concatenated(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + [|test|] + secret)));

                public static string Interpolated(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool isTest, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{amount}{currency}{[|isTest.ToString()|]}{secret}")));

                public static string Converted(string merchantId, string paymentRef, string amount, string currency, bool testMode, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(string.Concat(merchantId, paymentRef, amount, currency, [|Convert.ToString(testMode)|], secret))));
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_writes_the_lower_case_words() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{amount}{currency}{[|test|]}{secret}")));
            }
            """).FixedTo("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{amount}{currency}{(test ? "true" : "false")}{secret}")));
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_covers_every_project() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class A
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + [|test.ToString()|] + secret)));
            }
            """).WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + [|test|] + secret)));
            }
            """).InSeparateProjects().FixedTo("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class A
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + (test ? "true" : "false") + secret)));
            }
            """).FixedTo("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, string amount, string currency, bool test, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount + currency + (test ? "true" : "false") + secret)));
            }
            """).VerifyFixAllAsync();
}
