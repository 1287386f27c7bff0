using System.Globalization;
using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Money;

public sealed class AmountFormattingTests
{
    public static TheoryData<string> Cultures => new() { "sv-SE", "de-DE", "fr-FR", "ar-SA", "fa-IR", "en-US", "hi-IN" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Upstream_text_is_dot_and_two_decimals_whatever_the_culture(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var amount = Amount.FromDecimal(1234567.5m);

        var (upstream, toString, interpolated, formatted) = WithCulture(culture, () =>
            (amount.ToUpstreamString(), amount.ToString(), $"{amount}", string.Format(culture, "{0}", amount)));

        Assert.Equal("1234567.50", upstream);
        Assert.Equal("1234567.50", toString);
        Assert.Equal("1234567.50", interpolated);
        Assert.Equal("1234567.50", formatted);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_culture_really_formats_decimals_differently_so_the_test_above_can_fail(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        if (cultureName is "en-US" or "hi-IN")
        {
            return;
        }

        var cultural = WithCulture(culture, () => 1234567.5m.ToString("N2", CultureInfo.CurrentCulture));
        Assert.NotEqual("1234567.50", cultural);
    }

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(5, "5.00")]
    [InlineData(12.3, "12.30")]
    [InlineData(725, "725.00")]
    [InlineData(0.01, "0.01")]
    public void Formats_every_value_with_two_decimals(decimal value, string expected) =>
        Assert.Equal(expected, Amount.FromDecimal(value).ToUpstreamString());

    [Fact]
    public void TryFormat_writes_the_upstream_text_into_a_span()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.True(Amount.FromMinorUnits(1050).TryFormat(buffer, out var written, "N", CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("10.50", buffer[..written].ToString());
    }

    [Fact]
    public void Max_value_formats_in_full() => Assert.Equal("999999999999.99", Amount.MaxValue.ToUpstreamString());

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = currentUi;
        }
    }
}
