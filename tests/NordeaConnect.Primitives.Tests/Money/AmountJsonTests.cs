using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Money;

public sealed class AmountJsonTests
{
    private sealed record Priced(Amount Amount, Amount? Vat, CurrencyCode Currency);

    [Theory]
    [InlineData("""{"Amount":"480.0","Vat":null,"Currency":"SEK"}""", 48000)]
    [InlineData("""{"Amount":2.56,"Vat":0,"Currency":"sek"}""", 256)]
    [InlineData("""{"Amount":0,"Vat":"5.0","Currency":"Sek"}""", 0)]
    public void Reads_strings_and_numbers_as_the_reference_writes_them(string json, long minorUnits)
    {
        var priced = JsonSerializer.Deserialize<Priced>(json)!;
        Assert.Equal(minorUnits, priced.Amount.MinorUnits);
        Assert.Equal(CurrencyCode.Sek, priced.Currency);
    }

    [Fact]
    public void Writes_the_strict_string_form() =>
        Assert.Equal("""{"Amount":"5.00","Vat":"1.25","Currency":"sek"}""",
            JsonSerializer.Serialize(new Priced(Amount.Parse("5.00"), Amount.Parse("1.25"), CurrencyCode.Sek)));

    [Theory]
    [InlineData("""{"Amount":"-1.00","Currency":"sek"}""")]
    [InlineData("""{"Amount":true,"Currency":"sek"}""")]
    [InlineData("""{"Amount":-3,"Currency":"sek"}""")]
    [InlineData("""{"Amount":"1.00","Currency":"xyz"}""")]
    [InlineData("""{"Amount":"1.00","Currency":12}""")]
    public void Refuses_what_is_not_an_amount_or_currency(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Priced>(json));
}
