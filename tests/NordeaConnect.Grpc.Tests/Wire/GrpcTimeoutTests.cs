using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Tests.Wire;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("4m", 40_000L)]
    [InlineData("5u", 50L)]
    [InlineData("1000n", 10L)]
    [InlineData("1n", 1L)]
    [InlineData("0S", 0L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    public void Parses_every_unit(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("5s")]
    [InlineData("5 S")]
    [InlineData("+5S")]
    [InlineData("-5S")]
    [InlineData("٥S")]
    public void Refuses_what_the_grammar_does_not_allow(string? value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }

    [Theory]
    [InlineData(0L, "0n")]
    [InlineData(1L, "100n")]
    [InlineData(10_000L, "1000000n")]
    [InlineData(10_000_000L, "1000000u")]
    [InlineData(36_000_000_000L, "3600000m")]
    public void Formats_in_the_finest_unit_that_fits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Negative_timeouts_are_sent_as_zero()
    {
        Assert.Equal("0n", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(123_456_789L)]
    [InlineData(9_876_543_210_123L)]
    public void Formatting_never_shortens_the_timeout(long ticks)
    {
        var formatted = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));

        Assert.True(formatted.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(formatted, out var parsed));
        Assert.True(parsed.Ticks >= ticks);
    }
}
