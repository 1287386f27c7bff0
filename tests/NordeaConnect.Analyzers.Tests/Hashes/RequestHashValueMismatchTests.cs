using NordeaConnect.Analyzers.Hashes;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Hashes;

public sealed class RequestHashValueMismatchTests
{
    private static RuleTest Rule() => RuleTest.For<RequestHashValueMismatchAnalyzer>();

    [Fact]
    public Task Hashing_what_is_sent_is_fine() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;
            using NordeaConnect.Primitives;

            public static class Payments
            {
                public static Dictionary<string, string> Typed(string merchantId, string paymentRef, decimal amount, string secret) => new()
                {
                    ["amount"] = Amount.FromDecimal(amount).ToUpstreamString(),
                    ["currency"] = "SEK",
                    ["payment_ref"] = paymentRef,
                    ["hash"] = RequestHash.Compute(merchantId, PaymentRef.Parse(paymentRef), null, Amount.FromDecimal(amount), CurrencyCode.Parse("sek"), false, secret),
                };

                public static Dictionary<string, string> HandBuilt(string merchantId, string paymentRef, decimal amount, string secret)
                {
                    var amountText = amount.ToString("0.00", CultureInfo.InvariantCulture);
                    return new Dictionary<string, string>
                    {
                        ["amount"] = amountText,
                        ["currency"] = "sek",
                        ["test"] = "true",
                        ["hash"] = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + "" + amountText + "sek" + "true" + secret))),
                    };
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Hashing_other_text_than_is_sent_is_reported() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Security.Cryptography;
            using System.Text;
            using NordeaConnect.Primitives;

            public sealed class CreateTransactionRequest
            {
                public string Amount { get; set; } = "";
                public string Currency { get; set; } = "";
                public string Hash { get; set; } = "";
            }

            public static class Payments
            {
                public static List<KeyValuePair<string, string>> Literal(string merchantId, string paymentRef, string secret) => new()
                {
                    new("amount", "10"),
                    new("currency", "sek"),
                    new("hash", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + [|"10.00"|] + "sek" + "false" + secret)))),
                };

                // The amount sent without two decimals is NC1001's finding, which names the mistake; only the currency is this rule's.
                public static CreateTransactionRequest Rendered(string merchantId, string paymentRef, decimal amount, string secret) => new()
                {
                    Amount = amount.ToString(CultureInfo.InvariantCulture),
                    Currency = "eur",
                    Hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + amount.ToString("0.00", CultureInfo.InvariantCulture) + [|"sek"|] + "false" + secret))),
                };

                public static Dictionary<string, string> Typed(string merchantId, string paymentRef, string secret) => new()
                {
                    ["amount"] = "10",
                    ["test"] = "false",
                    ["hash"] = RequestHash.Compute(merchantId, PaymentRef.Parse(paymentRef), null, [|Amount.Parse("10.00")|], CurrencyCode.Parse("sek"), [|true|], secret),
                };
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public void No_fix_is_offered_because_only_the_developer_knows_which_side_is_right() =>
        Assert.DoesNotContain(Fixers.All(), fixer => fixer.FixableDiagnosticIds.Contains(RuleIdentifiers.RequestHashValueMismatch));

    [Fact]
    public Task Ambiguous_requests_are_not_guessed_at() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Security.Cryptography;
            using System.Text;

            public static class Payments
            {
                public static object TwoRequests(string merchantId, string paymentRef, string secret) => new object[]
                {
                    new KeyValuePair<string, string>("amount", "10.00"),
                    new KeyValuePair<string, string>("amount", "20.00"),
                    Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(merchantId + paymentRef + "10.00" + "sek" + "false" + secret))),
                };
            }
            """).VerifyDiagnosticsAsync();
}
