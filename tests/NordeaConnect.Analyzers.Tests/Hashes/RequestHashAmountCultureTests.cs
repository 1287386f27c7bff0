using NordeaConnect.Analyzers.Hashes;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Hashes;

public sealed class RequestHashAmountCultureTests
{
    private static RuleTest Rule() => RuleTest.For<RequestHashAmountCultureAnalyzer, RequestHashAmountCultureFixer>();

    [Fact]
    public Task Invariant_amounts_and_typed_amounts_are_fine() =>
        Rule().WithSource("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;
            using NordeaConnect.Primitives;

            public static class Hashes
            {
                public static string Formatted(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount.ToString("0.00", CultureInfo.InvariantCulture) + currency + "false" + secret)));

                public static string Typed(string merchantId, string paymentRef, string customerRef, Amount amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount.ToUpstreamString() + currency + "false" + secret)));

                public static string Invariant(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{merchantId}{paymentRef}{customerRef}{amount:F2}{currency}false{secret}"))));
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Culture_formatted_amounts_are_reported() =>
        Rule().WithSource("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Concatenated(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + [|amount|] + currency + "false" + secret)));

                public static string TwoDecimalsButCulture(string merchantId, string paymentRef, string customerRef, decimal total, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{[|total|]:0.00}{currency}false{secret}")));

                public static string ExplicitCulture(string merchantId, string paymentRef, string customerRef, double amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + {|NC2007:amount.ToString("N2", CultureInfo.InvariantCulture)|} + currency + "false" + secret)));
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_formats_the_hashed_amount_invariantly() =>
        Rule().WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + [|amount.ToString()|] + currency + "false" + secret)));
            }
            """).FixedTo("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class Hashes
            {
                public static string Compute(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + amount.ToString("0.00", CultureInfo.InvariantCulture) + currency + "false" + secret)));
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
                public static string Hash(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{[|amount|]}{currency}false{secret}")));
            }
            """).WithSource("""
            using System;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, decimal price, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + [|Convert.ToString(price)|] + currency + "false" + secret)));
            }
            """).InSeparateProjects().FixedTo("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class A
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, decimal amount, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{merchantId}{paymentRef}{customerRef}{amount.ToString("0.00", CultureInfo.InvariantCulture)}{currency}false{secret}")));
            }
            """).FixedTo("""
            using System;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;

            public static class B
            {
                public static string Hash(string merchantId, string paymentRef, string customerRef, decimal price, string currency, string secret) =>
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + customerRef + price.ToString("0.00", CultureInfo.InvariantCulture) + currency + "false" + secret)));
            }
            """).VerifyFixAllAsync();
}
