using NordeaConnect.Analyzers.Amounts;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Amounts;

public sealed class AmountLiteralNotTwoDecimalsTests
{
    private static RuleTest Rule() => RuleTest.For<AmountLiteralNotTwoDecimalsAnalyzer, AmountLiteralNotTwoDecimalsFixer>();

    [Fact]
    public Task Two_decimal_literals_and_other_fields_are_fine() =>
        Rule().WithSource("""
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public sealed class UpdateSubscriptionRequest
            {
                public string Debt { get; set; } = "";
                public string Status { get; set; } = "active";
            }

            public static class OperationNames
            {
                public const string AddDebt = "subscription.add_debt";
                public static readonly string RefundAmount = "transaction.refund_amount";
            }

            public static class Forms
            {
                public static object Build() => new object[]
                {
                    new KeyValuePair<string, string>("amount", "725.00"),
                    new KeyValuePair<string, string>("quantity", "5"),
                    new KeyValuePair<string, string>("transaction_id", "1"),
                    new Dictionary<string, string> { ["debt"] = "-5.00", ["prices[sek]"] = "100.00", ["interval"] = "1" },
                    new UpdateSubscriptionRequest { Debt = "-12.50" },
                    Amount.Parse("0.00"),
                    ("locale", "en"),
                };
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Literals_without_two_decimals_and_a_dot_are_reported() =>
        Rule().WithSource("""
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public sealed class RefundRequest
            {
                public string Amount { get; set; } = "";
            }

            public static class Forms
            {
                public static object Build()
                {
                    var vatAmount = [|"3"|];
                    return new object[]
                    {
                        new KeyValuePair<string, string>("amount", [|"5"|]),
                        KeyValuePair.Create("price", [|"5.0"|]),
                        new Dictionary<string, string> { { "vat_amount", vatAmount }, { "setup_fees[eur]", [|"5,00"|] }, { "debt", [|"-5.005"|] } },
                        new RefundRequest { Amount = [|"5.000"|] },
                        Amount.Parse([|"1,234.50"|]),
                        ("amount", [|"ten"|]),
                    };
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_writes_two_decimals_when_the_reading_is_unambiguous() =>
        Rule().WithSource("""
            using System.Collections.Generic;

            public static class Forms
            {
                public static Dictionary<string, string> Refund() => new()
                {
                    ["transaction_id"] = "1",
                    ["amount"] = [|"10"|],
                    ["vat_amount"] = [|"2,5"|],
                    ["debt"] = [|"-3.000"|],
                    ["price"] = [|"1.005"|],
                };
            }
            """).FixedTo("""
            using System.Collections.Generic;

            public static class Forms
            {
                public static Dictionary<string, string> Refund() => new()
                {
                    ["transaction_id"] = "1",
                    ["amount"] = "10.00",
                    ["vat_amount"] = "2.50",
                    ["debt"] = "-3.00",
                    ["price"] = [|"1.005"|],
                };
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_normalises_every_literal_of_the_solution() =>
        Rule().WithSource("""
            using System.Collections.Generic;

            public static class Refunds
            {
                public static KeyValuePair<string, string>[] Form() => new[] { new KeyValuePair<string, string>("amount", [|"1"|]), new KeyValuePair<string, string>("price", [|"0.5"|]) };
            }
            """).WithSource("""
            public sealed class CaptureOptions
            {
                public string Amount { get; set; } = [|"12"|];
            }
            """).InSeparateProjects().FixedTo("""
            using System.Collections.Generic;

            public static class Refunds
            {
                public static KeyValuePair<string, string>[] Form() => new[] { new KeyValuePair<string, string>("amount", "1.00"), new KeyValuePair<string, string>("price", "0.50") };
            }
            """).FixedTo("""
            public sealed class CaptureOptions
            {
                public string Amount { get; set; } = "12.00";
            }
            """).VerifyFixAllAsync();
}
