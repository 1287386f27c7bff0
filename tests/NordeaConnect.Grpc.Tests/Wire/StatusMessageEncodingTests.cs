using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Tests.Wire;

public sealed class StatusMessageEncodingTests
{
    [Theory]
    [InlineData("plain ascii message", "plain ascii message")]
    [InlineData("100%", "100%25")]
    [InlineData("line1\nline2", "line1%0Aline2")]
    [InlineData("räksmörgås", "r%C3%A4ksm%C3%B6rg%C3%A5s")]
    [InlineData("€", "%E2%82%AC")]
    public void Encodes_per_the_spec(string message, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Encode(message));
        Assert.Equal(message, StatusMessageEncoding.Decode(expected));
    }

    [Theory]
    [InlineData("50%", "50%")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%4", "%4")]
    [InlineData("%C3", "\uFFFD")]
    public void Decoding_never_fails_on_bad_input(string value, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Decode(value));
    }
}
