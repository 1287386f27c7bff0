using NordeaConnect.Primitives;

namespace NordeaConnect.Grains.Tests.Rules;

public sealed class SubscriptionDebtTests
{
    [Theory]
    [InlineData("0", "1.00", "1.00")]
    [InlineData("5.00", "-7.50", "-2.50")]
    [InlineData("-2.50", "2.50", "0.00")]
    [InlineData("-1.00", "-0.01", "-1.01")]
    public void Debt_is_signed_and_may_go_negative(string current, string delta, string expected)
    {
        var (debt, refusal) = SubscriptionDebt.Add(decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(refusal);
        Assert.Equal(expected, SubscriptionDebt.Format(debt));
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0")]
    [InlineData("1000000000000.00")]
    public void A_delta_with_more_than_two_decimals_zero_or_absurd_is_refused(string delta)
    {
        var (_, refusal) = SubscriptionDebt.Add(0m, decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(ResultCode.InvalidAmount, refusal?.Code);
    }

    [Fact]
    public void A_sum_beyond_the_bound_is_refused_either_way()
    {
        Assert.Equal(ResultCode.InvalidAmount, SubscriptionDebt.Add(Amount.MaxValue.Value, 0.01m).Refusal?.Code);
        Assert.Equal(ResultCode.InvalidAmount, SubscriptionDebt.Add(-Amount.MaxValue.Value, -0.01m).Refusal?.Code);
    }

    [Fact]
    public void Upstream_precision_is_rounded_half_away_from_zero_and_formatted_invariantly()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("sv-SE");
            Assert.Equal("-0.01", SubscriptionDebt.Format(-0.005m));
            Assert.Equal("1234.57", SubscriptionDebt.Format(1234.565m));
            Assert.Equal("5.00", SubscriptionDebt.Format(5m));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}
