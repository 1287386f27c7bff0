using NordeaConnect.Analyzers.Amounts;
using NordeaConnect.Analyzers.Tests.Verification;

namespace NordeaConnect.Analyzers.Tests.Amounts;

public sealed class FloatingPointAmountTests
{
    private static RuleTest Rule() => RuleTest.For<FloatingPointAmountAnalyzer, FloatingPointAmountFixer>();

    [Fact]
    public Task Decimal_money_and_non_money_doubles_are_fine() =>
        Rule().WithSource("""
            using NordeaConnect.Primitives;

            public sealed class Plan
            {
                public decimal Price { get; set; }
                public double PercentualFee { get; set; }
                public double PriceRatio { get; set; }
                public float Latitude;
            }

            public static class Costs
            {
                public static decimal Total(decimal amount, double exchangeRate, int quantity)
                {
                    double elapsedSeconds = 1.5;
                    var typed = Amount.FromDecimal(amount);
                    return typed.Value * quantity + (decimal)(exchangeRate * elapsedSeconds);
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Doubles_named_or_used_as_money_are_reported() =>
        Rule().WithSource("""
            using NordeaConnect.Primitives;

            public sealed class Subscription
            {
                public double [|Debt|] { get; set; }
                private float? [|_setupFee|];
                public float? [|SetupFee|] => _setupFee;
            }

            public static class Refunds
            {
                public static Amount Refund(double [|amount|], double rate)
                {
                    double [|vatAmount|] = amount * 0.25;
                    return Amount.FromDecimal((decimal)([|rate * 100|]));
                }
            }
            """).VerifyDiagnosticsAsync();

    [Fact]
    public Task Fix_declares_decimal_and_keeps_initial_values() =>
        Rule().WithSource("""
            public sealed class Subscription
            {
                public double [|Price|] { get; set; } = 9.5;
                public double? [|Debt|] { get; set; }

                public static decimal Charge(float [|unitPrice|] = 2.5f, int quantity = 1)
                {
                    double [|totalAmount|] = 0;
                    return (decimal)unitPrice * quantity + (decimal)totalAmount;
                }
            }
            """).FixedTo("""
            public sealed class Subscription
            {
                public decimal Price { get; set; } = 9.5m;
                public decimal? Debt { get; set; }

                public static decimal Charge(decimal unitPrice = 2.5m, int quantity = 1)
                {
                    decimal totalAmount = 0m;
                    return (decimal)unitPrice * quantity + (decimal)totalAmount;
                }
            }
            """).VerifyFixAsync();

    [Fact]
    public Task Fix_all_changes_every_declaration_in_the_solution() =>
        Rule().WithSource("""
            public sealed class RefundRequest
            {
                public double [|Amount|] { get; init; }
            }
            """).WithSource("""
            public static class Orders
            {
                public static decimal Sum(double [|price|], float [|vatAmount|]) => (decimal)price + (decimal)vatAmount;
            }
            """).InSeparateProjects().FixedTo("""
            public sealed class RefundRequest
            {
                public decimal Amount { get; init; }
            }
            """).FixedTo("""
            public static class Orders
            {
                public static decimal Sum(decimal price, decimal vatAmount) => (decimal)price + (decimal)vatAmount;
            }
            """).VerifyFixAllAsync();
}
