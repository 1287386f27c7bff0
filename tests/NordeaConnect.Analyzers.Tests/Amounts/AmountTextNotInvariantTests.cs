using NordeaConnect.Analyzers.Amounts;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Amounts;

public sealed class AmountTextNotInvariantTests
{
    private static RuleTest Rule() => RuleTest.For<AmountTextNotInvariantAnalyzer, AmountTextNotInvariantFixer>();

    [Fact]
    public Task Invariant_two_decimal_text_and_unrelated_numbers_are_fine() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using NordeaConnect.Primitives;

            public sealed class RefundRequest
            {
                public string Amount { get; set; } = "";
                public string Reason { get; set; } = "";
            }

            public static class Checkout
            {
                public static IEnumerable<KeyValuePair<string, string>> Form(decimal amount, int quantity, Amount typed, decimal ratio)
                {
                    var request = new RefundRequest
                    {
                        Amount = amount.ToString("0.00", CultureInfo.InvariantCulture),
                        Reason = "Ratio " + ratio.ToString(CultureInfo.InvariantCulture) + " x" + quantity.ToString(),
                    };
                    yield return new KeyValuePair<string, string>("amount", request.Amount);
                    yield return new KeyValuePair<string, string>("vat_amount", typed.ToUpstreamString());
                    yield return new KeyValuePair<string, string>("price", amount.ToString("F2", NumberFormatInfo.InvariantInfo));
                    yield return new KeyValuePair<string, string>("debt", FormattableString.Invariant($"{amount:0.00}"));
                    yield return new KeyValuePair<string, string>("quantity", quantity.ToString(CultureInfo.InvariantCulture));
                    yield return new KeyValuePair<string, string>("reason", amount.ToString(CultureInfo.InvariantCulture));
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Culture_dependent_amount_text_is_reported_in_every_form() =>
        Rule().WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Net.Http;

            public sealed class CaptureRequest
            {
                public string Amount { get; set; } = "";
            }

            public static class Checkout
            {
                public static object Build(decimal amount, double price, decimal vat, decimal debt)
                {
                    var text = [|amount.ToString("F2")|];
                    var form = new Dictionary<string, string>
                    {
                        ["amount"] = text,
                        ["vat_amount"] = $"{[|vat|]}",
                        ["price"] = string.Format(CultureInfo.InvariantCulture, "{0:N2}", {|NC1004:price|}),
                    };
                    form.Add("debt", [|Convert.ToString(debt)|]);
                    var content = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("amount", "" + [|amount|]) });
                    return (form, content, new CaptureRequest { Amount = [|amount.ToString(CultureInfo.CurrentCulture)|].Replace(',', '.') });
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_formats_with_invariant_two_decimals() =>
        Rule().WithSource("""
            using System.Collections.Generic;

            public static class Refunds
            {
                public static KeyValuePair<string, string>[] Form(decimal amount, decimal vat) =>
                    new[]
                    {
                        new KeyValuePair<string, string>("amount", [|amount.ToString()|]),
                        new KeyValuePair<string, string>("vat_amount", $"{[|vat|]:0.00}"),
                    };
            }
            """).FixedTo("""
            using System.Collections.Generic;
            using System.Globalization;

            public static class Refunds
            {
                public static KeyValuePair<string, string>[] Form(decimal amount, decimal vat) =>
                    new[]
                    {
                        new KeyValuePair<string, string>("amount", amount.ToString("0.00", CultureInfo.InvariantCulture)),
                        new KeyValuePair<string, string>("vat_amount", $"{vat.ToString("0.00", CultureInfo.InvariantCulture)}"),
                    };
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_through_Amount_when_Primitives_is_referenced() =>
        Rule().UsingAction("Format through Amount.ToUpstreamString()").WithSource("""
            using System.Collections.Generic;

            public static class Refunds
            {
                public static Dictionary<string, string> Form(decimal amount, double vat) => new()
                {
                    ["amount"] = [|amount.ToString()|],
                    ["vat_amount"] = [|vat.ToString()|],
                };
            }
            """).FixedTo("""
            using System.Collections.Generic;
            using NordeaConnect.Primitives;

            public static class Refunds
            {
                public static Dictionary<string, string> Form(decimal amount, double vat) => new()
                {
                    ["amount"] = Amount.FromDecimal(amount).ToUpstreamString(),
                    ["vat_amount"] = [|vat.ToString()|],
                };
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_rewrites_every_project_of_the_solution() =>
        Rule().WithSource("""
            public sealed class CaptureRequest
            {
                public string Amount { get; set; } = "";
            }

            public static class Captures
            {
                public static CaptureRequest Create(decimal amount) => new() { Amount = [|amount.ToString()|] };

                public static CaptureRequest Half(decimal amount) => new() { Amount = "" + ([|amount / 2|]) };
            }
            """).WithSource("""
            using System.Collections.Generic;

            public static class Plans
            {
                public static Dictionary<string, string> Prices(decimal sek, decimal eur) => new() { ["prices[sek]"] = [|sek.ToString()|], ["prices[eur]"] = $"{[|eur|]}" };
            }
            """).InSeparateProjects().FixedTo("""
            using System.Globalization;

            public sealed class CaptureRequest
            {
                public string Amount { get; set; } = "";
            }

            public static class Captures
            {
                public static CaptureRequest Create(decimal amount) => new() { Amount = amount.ToString("0.00", CultureInfo.InvariantCulture) };

                public static CaptureRequest Half(decimal amount) => new() { Amount = "" + (amount / 2).ToString("0.00", CultureInfo.InvariantCulture) };
            }
            """).FixedTo("""
            using System.Collections.Generic;
            using System.Globalization;

            public static class Plans
            {
                public static Dictionary<string, string> Prices(decimal sek, decimal eur) => new() { ["prices[sek]"] = sek.ToString("0.00", CultureInfo.InvariantCulture), ["prices[eur]"] = $"{eur.ToString("0.00", CultureInfo.InvariantCulture)}" };
            }
            """).VerifyFixAllAsync();
}
