using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Primitives.Tests.Identity;

public sealed class PaymentRefTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("ORDER-123456")]
    [InlineData("order 12")]
    [InlineData("Ölköp-ÅÄ")]
    public void Accepts_one_to_twelve_printable_characters(string text) =>
        Assert.Equal(text, PaymentRef.Parse(text).Value);

    [Theory]
    [InlineData("", "missing")]
    [InlineData("ORDER-1234567", "13 characters")]
    [InlineData(" ORDER", "leading or trailing whitespace")]
    [InlineData("ORDER ", "leading or trailing whitespace")]
    [InlineData("ORD\nER", "control")]
    [InlineData("ORD\u0000", "control")]
    public void Refuses_with_a_message_naming_the_rule(string text, string fragment)
    {
        var error = Assert.Throws<FormatException>(() => PaymentRef.Parse(text));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 12 printable characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_through_json_and_reads_numeric_references()
    {
        Assert.Equal("\"ABC\"", JsonSerializer.Serialize(PaymentRef.Parse("ABC")));
        Assert.Equal("1234", JsonSerializer.Deserialize<PaymentRef>("1234").Value);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PaymentRef>("\"1234567890123\""));
    }

    [Fact]
    public void Equality_is_ordinal()
    {
        Assert.Equal(PaymentRef.Parse("abc"), PaymentRef.Parse("abc"));
        Assert.NotEqual(PaymentRef.Parse("abc"), PaymentRef.Parse("ABC"));
    }
}
