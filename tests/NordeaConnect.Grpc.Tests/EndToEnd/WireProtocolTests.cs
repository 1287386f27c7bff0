using System.Net;
using Google.Protobuf;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

/// <summary>What exactly goes over the wire, checked with hand-made requests.</summary>
public sealed class WireProtocolTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>, IDisposable
{
    private const string EchoPath = "/nordeaconnect.grpc.testing.v1.EchoService/Echo";
    private const string FailPath = "/nordeaconnect.grpc.testing.v1.EchoService/Fail";

    private readonly RawGrpcRequest _raw = new();

    public void Dispose() => _raw.Dispose();

    [Fact]
    public async Task A_successful_call_sends_headers_one_message_and_status_trailers()
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest { Message = "x" }));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal("0", response.Trailers["grpc-status"]);
        var reply = EchoReply.Parser.ParseFrom(response.Body.AsSpan(LengthPrefixedMessage.HeaderLength).ToArray());
        Assert.Equal("x", reply.Message);
        Assert.Equal(0, response.Body[0]);
    }

    [Fact]
    public async Task An_error_before_any_message_is_a_Trailers_Only_response_with_percent_encoded_message()
    {
        var response = await SendAsync(FailPath, Frame(new FailRequest { Code = 5, Message = "inte hittad: 100%" }));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal("5", response.Headers["grpc-status"]);
        Assert.Equal("inte hittad: 100%25", response.Headers["grpc-message"]);
        Assert.Equal("AAEC/w", response.Headers["error-detail-bin"]);
    }

    [Fact]
    public async Task An_error_after_messages_is_sent_in_trailers_not_headers()
    {
        var response = await SendAsync("/nordeaconnect.grpc.testing.v1.EchoService/Count", Frame(new CountRequest { Count = 2, FailCode = 10 }));

        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal("10", response.Trailers["grpc-status"]);
        Assert.Equal("failed after 2 replies", response.Trailers["grpc-message"]);
        Assert.Equal([.. Frame(new CountReply { Index = 0 }), .. Frame(new CountReply { Index = 1 })], response.Body);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/grpcx")]
    public async Task A_non_gRPC_content_type_is_HTTP_415(string contentType)
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Theory]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=utf-8")]
    public async Task Content_type_variants_of_application_grpc_are_accepted(string contentType)
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), contentType);

        Assert.Equal("0", response.GrpcStatus);
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_decompressed()
    {
        var message = new EchoRequest { Message = "compressed" }.ToByteArray();
        var body = LengthPrefixedMessage.ToArray(MessageCompression.CompressGzip(message), compressed: true);

        var response = await SendAsync(EchoPath, body, headers: [("grpc-encoding", "gzip")]);

        Assert.Equal("0", response.GrpcStatus);
        var reply = EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray());
        Assert.Equal("compressed", reply.Message);
        Assert.Equal("gzip", reply.RequestEncoding);
    }

    [Fact]
    public async Task An_unsupported_grpc_encoding_is_UNIMPLEMENTED_with_the_supported_list()
    {
        var body = LengthPrefixedMessage.ToArray([1, 2, 3], compressed: true);

        var response = await SendAsync(EchoPath, body, headers: [("grpc-encoding", "snappy")]);

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("12", response.GrpcStatus);
        Assert.Equal("identity,gzip", response.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task A_compressed_flag_without_grpc_encoding_is_INTERNAL()
    {
        var response = await SendAsync(EchoPath, LengthPrefixedMessage.ToArray(new EchoRequest().ToByteArray(), compressed: true));

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task A_truncated_frame_is_INTERNAL()
    {
        var body = Frame(new EchoRequest { Message = "truncated" });

        var response = await SendAsync(EchoPath, body[..^3]);

        Assert.Equal("13", response.GrpcStatus);
        Assert.StartsWith("Incomplete message", WebUtility.UrlDecode(response.GrpcMessage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_request_body_is_INTERNAL()
    {
        var response = await SendAsync(EchoPath, []);

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Two_messages_to_a_unary_method_are_INTERNAL()
    {
        var response = await SendAsync(EchoPath, [.. Frame(new EchoRequest()), .. Frame(new EchoRequest())]);

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task Undecodable_protobuf_is_INTERNAL()
    {
        // Field 1 declared as a length-delimited string of 100 bytes, with 1 byte present.
        var response = await SendAsync(EchoPath, LengthPrefixedMessage.ToArray([0x0A, 100, 0x41]));

        Assert.Equal("13", response.GrpcStatus);
        Assert.Contains("could not be decoded", WebUtility.UrlDecode(response.GrpcMessage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_length_above_the_limit_is_RESOURCE_EXHAUSTED_without_sending_the_bytes()
    {
        byte[] header = [0, 0x7F, 0xFF, 0xFF, 0xFF];

        var response = await SendAsync(EchoPath, header);

        Assert.Equal("8", response.GrpcStatus);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10s")]
    [InlineData("-1S")]
    public async Task A_malformed_grpc_timeout_is_refused_with_INTERNAL(string timeout)
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), headers: [("grpc-timeout", timeout)]);

        Assert.True(response.IsTrailersOnly);
        Assert.Equal("13", response.GrpcStatus);
    }

    [Theory]
    [InlineData("1H")]
    [InlineData("2M")]
    [InlineData("30S")]
    [InlineData("5000m")]
    [InlineData("5000000u")]
    [InlineData("99999999n")]
    [InlineData("99999999H")]
    [InlineData("0m")]
    public async Task Every_grpc_timeout_unit_is_accepted(string timeout)
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), headers: [("grpc-timeout", timeout)]);

        // A zero timeout has passed on arrival; every other one leaves time to answer.
        Assert.Equal(timeout == "0m" ? "4" : "0", response.GrpcStatus);
    }

    [Fact]
    public async Task Unpadded_and_padded_binary_metadata_are_both_accepted()
    {
        var response = await SendAsync(
            EchoPath,
            Frame(new EchoRequest()),
            headers: [("a-bin", "AAEC"), ("b-bin", "AAE"), ("c-bin", "AAE="), ("d-bin", "AQ,Ag==")]);

        var reply = EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray());
        Assert.Contains("a-bin=AAEC", reply.ReceivedMetadata);
        Assert.Contains("b-bin=AAE=", reply.ReceivedMetadata);
        Assert.Contains("c-bin=AAE=", reply.ReceivedMetadata);
        Assert.Contains("d-bin=AQ==", reply.ReceivedMetadata);
        Assert.Contains("d-bin=Ag==", reply.ReceivedMetadata);
    }

    [Fact]
    public async Task Headers_that_HTTP_allows_but_metadata_does_not_are_left_out_without_failing_the_call()
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), headers: [("x~tilde", "v"), ("x-fine", "w"), ("x-odd-value", "tab	here")]);

        Assert.Equal("0", response.GrpcStatus);
        var reply = EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray());
        Assert.Contains("x-fine=w", reply.ReceivedMetadata);
        Assert.Contains("x-odd-value=tab	here", reply.ReceivedMetadata);
        Assert.DoesNotContain(reply.ReceivedMetadata, m => m.StartsWith("x~tilde", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_base64_in_binary_metadata_is_INTERNAL()
    {
        var response = await SendAsync(EchoPath, Frame(new EchoRequest()), headers: [("a-bin", "*not base64*")]);

        Assert.Equal("13", response.GrpcStatus);
    }

    [Fact]
    public async Task A_non_gRPC_request_to_an_unknown_path_is_a_plain_404()
    {
        var response = await SendAsync("/not/grpc", [], "application/json");

        Assert.Equal(HttpStatusCode.NotFound, response.HttpStatus);
    }

    private static byte[] Frame(IMessage message) => LengthPrefixedMessage.ToArray(message.ToByteArray());

    private Task<RawGrpcResponse> SendAsync(
        string path,
        byte[] body,
        string contentType = "application/grpc",
        IEnumerable<(string Name, string Value)>? headers = null) =>
        _raw.SendAsync(fixture.Server.Address, path, body, contentType, headers);
}
