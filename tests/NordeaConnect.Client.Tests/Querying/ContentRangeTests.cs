namespace NordeaConnect.Client.Tests.Querying;

public sealed class ContentRangeTests
{
    [Fact]
    public void Parses_the_references_example()
    {
        var range = ContentRange.Parse("items 16-20/173");
        Assert.Equal("items", range.Unit);
        Assert.Equal(16, range.First);
        Assert.Equal(20, range.Last);
        Assert.Equal(173, range.Total);
        Assert.Equal(5, range.Count);
        Assert.Equal("items 16-20/173", range.ToString());
    }

    [Theory]
    [InlineData("items */0", null, null, 0L)]
    [InlineData("items 1-10/*", 1L, 10L, null)]
    [InlineData("items=0-9/42", 0L, 9L, 42L)]
    [InlineData("  items 5-5/5 ", 5L, 5L, 5L)]
    public void Parses_empty_unknown_and_equals_forms(string header, long? first, long? last, long? total)
    {
        Assert.True(ContentRange.TryParse(header, out var range));
        Assert.Equal(first, range.First);
        Assert.Equal(last, range.Last);
        Assert.Equal(total, range.Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("items")]
    [InlineData("items 16-20")]
    [InlineData("items 20-16/173")]
    [InlineData("items a-b/c")]
    [InlineData("items -1-5/10")]
    public void Refuses_malformed_headers(string header)
    {
        Assert.False(ContentRange.TryParse(header, out _));
        if (header.Length > 0)
        {
            var error = Assert.Throws<FormatException>(() => ContentRange.Parse(header));
            Assert.Contains(header, error.Message, StringComparison.Ordinal);
        }
    }
}
