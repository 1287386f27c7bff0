using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Money;

public sealed class CurrencyCodeTests
{
    [Fact]
    public void Knows_exactly_the_42_currencies_of_the_reference()
    {
        Assert.Equal(42, CurrencyCode.All.Count);
        Assert.Equal(42, CurrencyCode.All.Distinct().Count());
        var reference = SpecText.Load();
        foreach (var currency in CurrencyCode.All)
        {
            Assert.Contains($"{currency.Code} | {currency.Name} |", reference, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SEK")]
    [InlineData("sek")]
    [InlineData("Sek")]
    public void Parses_case_insensitively_and_writes_lower_case(string text)
    {
        var currency = CurrencyCode.Parse(text);
        Assert.Equal("sek", currency.Code);
        Assert.Equal("sek", currency.ToString());
        Assert.Equal("Swedish Krona", currency.Name);
        Assert.Equal(CurrencyCode.Sek, currency);
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("se")]
    [InlineData("seks")]
    [InlineData(" sek")]
    [InlineData("")]
    [InlineData("ѕек")]
    public void Refuses_anything_else_with_a_clear_error(string text)
    {
        Assert.False(CurrencyCode.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => CurrencyCode.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sek, cad", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_value_says_it_was_never_assigned() =>
        Assert.Throws<InvalidOperationException>(() => default(CurrencyCode).Code);
}
