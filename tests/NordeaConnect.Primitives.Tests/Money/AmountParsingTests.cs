using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Money;

public sealed class AmountParsingTests
{
    [Theory]
    [InlineData("0.00", 0)]
    [InlineData("5.00", 500)]
    [InlineData("10.50", 1050)]
    [InlineData("725.00", 72500)]
    [InlineData("999999999999.99", 99999999999999)]
    public void Strict_parser_accepts_plain_digits_dot_two_decimals(string text, long minorUnits)
    {
        var amount = Amount.Parse(text);
        Assert.Equal(minorUnits, amount.MinorUnits);
        Assert.Equal(text, amount.ToUpstreamString());
    }

    [Theory]
    [InlineData("-5.00", "negative")]
    [InlineData("\u22125.00", "negative")]
    [InlineData("+5.00", "sign")]
    [InlineData("5.000", "third decimal")]
    [InlineData("5.001", "third decimal")]
    [InlineData("5", "no decimals")]
    [InlineData("5.", "0 decimal(s)")]
    [InlineData("5.0", "1 decimal(s)")]
    [InlineData(".50", "no digits before the dot")]
    [InlineData("5,00", "comma")]
    [InlineData("1,000.00", "comma")]
    [InlineData("1.000.00", "more than one dot")]
    [InlineData("1'000.00", "thousands separator")]
    [InlineData("1_000.00", "thousands separator")]
    [InlineData("1\u00A0000.00", "whitespace")]
    [InlineData("1\u202F000.00", "whitespace")]
    [InlineData("5e2", "exponent")]
    [InlineData("5.00E+1", "exponent")]
    [InlineData(" 5.00", "whitespace")]
    [InlineData("5.00 ", "whitespace")]
    [InlineData("5.00\n", "whitespace")]
    [InlineData("5.\u200B00", "invisible")]
    [InlineData("\uFEFF5.00", "invisible")]
    [InlineData("05.00", "leading zero")]
    [InlineData("1234567890123.00", "too large")]
    [InlineData("99999999999999999999999999999999999.00", "too long")]
    [InlineData("٥.٠٠", "ASCII digits")]
    [InlineData("5.5O", "ASCII digits")]
    [InlineData("NaN", "no decimals")]
    [InlineData("", "empty")]
    public void Strict_parser_refuses_with_a_message_naming_value_and_rule(string text, string reasonFragment)
    {
        var error = Assert.Throws<AmountFormatException>(() => Amount.Parse(text));

        Assert.Contains(reasonFragment, error.Message, StringComparison.Ordinal);
        Assert.Contains("digits, a dot and exactly two decimals", error.Message, StringComparison.Ordinal);
        Assert.Equal(text, error.Value);
        if (text.Length is > 0 and < 20 && !text.Any(char.IsControl))
        {
            Assert.Contains(text.Trim(), error.Message.Replace("\\u00A0", "\u00A0").Replace("\\u202F", "\u202F").Replace("\\u200B", "\u200B").Replace("\\uFEFF", "\uFEFF"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TryParse_reports_the_reason_instead_of_throwing()
    {
        Assert.False(Amount.TryParse("5,00", out _, out var error));
        Assert.Contains("'5,00'", error, StringComparison.Ordinal);
        Assert.False(Amount.TryParse(null, out _, out var missing));
        Assert.Contains("missing", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_value_is_shown_clipped_in_the_message()
    {
        var huge = new string('9', 10_000) + ".00";
        var error = Assert.Throws<AmountFormatException>(() => Amount.Parse(huge));
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Theory]
    [InlineData("480.0", 48000)]
    [InlineData("5.0", 500)]
    [InlineData("2.56", 256)]
    [InlineData("0", 0)]
    [InlineData("5", 500)]
    [InlineData("12.00", 1200)]
    [InlineData("46.0", 4600)]
    [InlineData("2.565", 257)]
    public void Upstream_parser_accepts_what_the_reference_shows(string text, long minorUnits) =>
        Assert.Equal(minorUnits, Amount.ParseUpstream(text).MinorUnits);

    [Theory]
    [InlineData("-1.00")]
    [InlineData("1,00")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.")]
    [InlineData(" 1.00")]
    [InlineData("1e3")]
    [InlineData("9999999999999999")]
    public void Upstream_parser_still_refuses_what_is_not_an_amount(string text)
    {
        Assert.False(Amount.TryParseUpstream(text, out _));
        var error = Assert.Throws<AmountFormatException>(() => Amount.ParseUpstream(text));
        Assert.Contains("not an amount", error.Message, StringComparison.Ordinal);
    }
}
