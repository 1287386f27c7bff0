using System.Net;
using System.Net.Http.Headers;
using NordeaConnect.Grpc.Client;

namespace NordeaConnect.Grpc.Tests.Client;

public sealed class ResponseStatusTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, StatusCode.Unknown)]
    public void Maps_HTTP_statuses_as_http_grpc_status_mapping_says(HttpStatusCode http, StatusCode expected)
    {
        Assert.Equal(expected, ResponseStatus.FromHttpStatus(http).StatusCode);
    }

    [Theory]
    [InlineData(0x0L, StatusCode.Internal)]
    [InlineData(0x1L, StatusCode.Internal)]
    [InlineData(0x7L, StatusCode.Unavailable)]
    [InlineData(0x8L, StatusCode.Cancelled)]
    [InlineData(0xbL, StatusCode.ResourceExhausted)]
    [InlineData(0xcL, StatusCode.PermissionDenied)]
    public void Maps_RST_STREAM_codes_as_PROTOCOL_HTTP2_says(long errorCode, StatusCode expected)
    {
        Assert.Equal(expected, ResponseStatus.FromHttp2ErrorCode(errorCode).StatusCode);
    }

    [Theory]
    [InlineData("0", null, StatusCode.OK, "")]
    [InlineData("5", "not%20found%3A%20%C3%A5", StatusCode.NotFound, "not found: å")]
    [InlineData("99", "future code", StatusCode.Unknown, "future code")]
    [InlineData("abc", null, StatusCode.Unknown, "Response carried an unparsable grpc-status 'abc'.")]
    public void Reads_status_and_message_headers(string status, string? message, StatusCode expectedCode, string expectedDetail)
    {
        using var response = new HttpResponseMessage();
        HttpHeaders headers = response.Headers;
        headers.TryAddWithoutValidation("grpc-status", status);
        if (message is not null)
        {
            headers.TryAddWithoutValidation("grpc-message", message);
        }

        var read = ResponseStatus.TryRead(headers);

        Assert.Equal(new Status(expectedCode, expectedDetail), read);
    }

    [Fact]
    public void No_grpc_status_header_reads_as_none()
    {
        using var response = new HttpResponseMessage();

        Assert.Null(ResponseStatus.TryRead(response.Headers));
    }
}
