namespace NordeaConnect.Grpc.Tests.Wire;

public sealed class MetadataTests
{
    [Fact]
    public void Keys_are_lower_cased()
    {
        var metadata = new Metadata { { "X-Request-Id", "abc" } };

        Assert.Equal("x-request-id", metadata[0].Key);
        Assert.Equal("abc", metadata.GetValue("x-request-id"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:")]
    [InlineData("ümlaut")]
    public void Invalid_keys_are_refused_with_the_key_named(string key)
    {
        var ex = Assert.Throws<ArgumentException>(() => new MetadataEntry(key, "v"));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_values_need_a_bin_key_and_text_values_may_not_have_one()
    {
        Assert.Throws<ArgumentException>(() => new MetadataEntry("data", [1, 2]));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("data-bin", "text"));
        Assert.Equal(new byte[] { 1, 2 }, new MetadataEntry("data-bin", [1, 2]).ValueBytes);
    }

    [Fact]
    public void Text_values_must_be_printable_ascii()
    {
        Assert.Throws<ArgumentException>(() => new MetadataEntry("k", "new\nline"));
        Assert.Throws<ArgumentException>(() => new MetadataEntry("k", "kr\u00f6na"));
    }

    [Fact]
    public void Get_returns_the_last_value_for_a_repeated_key()
    {
        var metadata = new Metadata { { "k", "1" }, { "k", "2" } };

        Assert.Equal("2", metadata.GetValue("k"));
        Assert.Equal(["1", "2"], metadata.GetAll("k").Select(e => e.Value));
    }
}
