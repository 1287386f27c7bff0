using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Money;

public sealed class AmountArithmeticTests
{
    [Fact]
    public void FromDecimal_refuses_negative_fractional_cents_and_absurd_sizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromDecimal(-0.01m));
        var cents = Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromDecimal(1.005m));
        Assert.Contains("two decimals", cents.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromDecimal(1_000_000_000_000m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromMinorUnits(-1));
    }

    [Fact]
    public void FromDecimal_accepts_trailing_zeros_beyond_two_decimals() =>
        Assert.Equal(500, Amount.FromDecimal(5.000m).MinorUnits);

    [Fact]
    public void Value_always_has_scale_two() => Assert.Equal("5.00", Amount.FromDecimal(5m).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Arithmetic_and_comparison()
    {
        var a = Amount.Parse("10.00");
        var b = Amount.Parse("2.50");
        Assert.Equal(Amount.Parse("12.50"), a + b);
        Assert.Equal(Amount.Parse("7.50"), a - b);
        Assert.Equal(Amount.Parse("30.00"), a * 3);
        Assert.True(b < a && a > b && a >= Amount.Parse("10.00") && b <= Amount.Parse("2.50") && a != b);
        Assert.Equal(b, Amount.Min(a, b));
        Assert.Equal(a, Amount.Max(a, b));
        Assert.Equal(0.25m, a.Percent(0.025m));
        Assert.Throws<ArgumentOutOfRangeException>(() => b - a);
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.MaxValue + Amount.Parse("0.01"));
        Assert.Throws<ArgumentOutOfRangeException>(() => a * -1);
    }

    [Fact]
    public void Cost_formula_from_the_reference_is_reproducible()
    {
        // total = fixed_fee + amount * percentual_fee + amount * percentual_exchange_fee (2.5 / 0.025 / 0.035)
        static decimal Cost(string amount) => 2.5m + Amount.Parse(amount).Percent(0.025m) + Amount.Parse(amount).Percent(0.035m);
        Assert.Equal(2.56m, Cost("1.00"));
        Assert.Equal(2.8m, Cost("5.00"));
        Assert.Equal(3.1m, Cost("10.00"));
        Assert.Equal(46.0m, Cost("725.00"));
    }
}
