namespace NordeaConnect.Client.Tests.Querying;

public sealed class QueryTextTests
{
    [Theory]
    [InlineData("411*", "411*")]
    [InlineData("amount:desc", "amount:desc")]
    [InlineData("customer,stored_card", "customer,stored_card")]
    [InlineData("20180101..20181231", "20180101..20181231")]
    [InlineData("return order & co/ö", "return%20order%20%26%20co%2F%C3%B6")]
    [InlineData("a=b+c?d#e[f]", "a%3Db%2Bc%3Fd%23e%5Bf%5D")]
    [InlineData("😀", "%F0%9F%98%80")]
    public void Filter_syntax_stays_readable_and_everything_else_is_percent_encoded_utf8(string value, string expected) =>
        Assert.Equal(expected, QueryText.Escape(value));
}
