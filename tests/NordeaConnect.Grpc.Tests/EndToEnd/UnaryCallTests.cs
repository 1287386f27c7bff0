using Google.Protobuf;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

public sealed class UnaryCallTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private readonly EchoClient _client = new(fixture.Server.Channel.CallInvoker);

    [Fact]
    public async Task Echo_returns_the_message_with_OK_status()
    {
        using var call = _client.EchoAsync(new EchoRequest { Message = "hej världen", Payload = ByteString.CopyFrom(1, 2, 3) });

        var reply = await call;

        Assert.Equal("hej världen", reply.Message);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.StartsWith("ipv4:127.0.0.1:", reply.Peer, StringComparison.Ordinal);
        Assert.False(reply.HasDeadline);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Metadata_round_trips_text_and_binary_values_through_headers_and_trailers()
    {
        var headers = new Metadata
        {
            { "echo-text", "value 1" },
            { "echo-data-bin", new byte[] { 0, 200, 10, 13, 44 } },
            { "authorization", "Bearer not-echoed" },
        };
        using var call = _client.EchoAsync(new EchoRequest { Message = "m" }, new CallOptions(Headers: headers));

        var reply = await call;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Contains("authorization=Bearer not-echoed", reply.ReceivedMetadata);
        Assert.Contains("echo-data-bin=" + Convert.ToBase64String(new byte[] { 0, 200, 10, 13, 44 }), reply.ReceivedMetadata);
        Assert.Equal("value 1", responseHeaders.GetValue("echo-text"));
        Assert.Equal(new byte[] { 0, 200, 10, 13, 44 }, responseHeaders.GetValueBytes("echo-data-bin"));
        Assert.Null(responseHeaders.Get("authorization"));
        Assert.Equal("value 1", trailers.GetValue("echo-text"));
        Assert.Equal(new byte[] { 0, 200, 10, 13, 44 }, trailers.GetValueBytes("echo-data-bin"));
    }

    [Fact]
    public async Task A_deadline_reaches_the_server_as_grpc_timeout()
    {
        var reply = await _client.EchoAsync(new EchoRequest { Message = "m" }, new CallOptions(Deadline: DateTime.UtcNow.AddMinutes(1)));

        Assert.True(reply.HasDeadline);
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "no such transaction")]
    [InlineData(StatusCode.FailedPrecondition, "refund beyond captured: 100% ≠ 50 %")]
    [InlineData(StatusCode.PermissionDenied, "line1\nline2")]
    public async Task An_RpcException_from_the_service_reaches_the_caller_with_code_message_and_trailers(StatusCode code, string message)
    {
        using var call = _client.FailAsync(new FailRequest { Code = (int)code, Message = message });

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(code, ex.StatusCode);
        Assert.Equal(message, ex.Status.Detail);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, ex.Trailers.GetValueBytes("error-detail-bin"));
        Assert.Equal(code, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task An_unhandled_exception_becomes_UNKNOWN_without_the_exception_text()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.CrashAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.DoesNotContain("hunter2", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("Exception was thrown by handler.", ex.Status.Detail);
    }

    [Fact]
    public async Task A_delegate_mapped_method_is_callable_by_path()
    {
        var reply = await fixture.Server.Channel.CallInvoker.UnaryAsync(
            "/" + GrpcTestServer.ReverseService + "/Reverse", new EchoRequest { Message = "abc" }, EchoReply.Parser);

        Assert.Equal("cba", reply.Message);
    }

    [Theory]
    [InlineData("/nordeaconnect.grpc.testing.v1.EchoService/Missing", "Method 'Missing' is not implemented by service 'nordeaconnect.grpc.testing.v1.EchoService'.")]
    [InlineData("/no.such.Service/Echo", "Service 'no.such.Service' is not implemented.")]
    public async Task Unknown_services_and_methods_are_UNIMPLEMENTED(string path, string detail)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Server.Channel.CallInvoker.UnaryAsync(path, new EchoRequest(), EchoReply.Parser));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal(detail, ex.Status.Detail);
    }

    [Fact]
    public async Task A_response_above_the_send_limit_is_RESOURCE_EXHAUSTED()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.LargeAsync(new LargeRequest { PayloadSize = 5 * 1024 * 1024 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task A_request_above_the_receive_limit_is_RESOURCE_EXHAUSTED()
    {
        // Let the client send it, so the server's limit is what is tested.
        using var channel = GrpcChannel.ForAddress(fixture.Server.Address, new GrpcChannelOptions { MaxSendMessageSize = 16 * 1024 * 1024 });
        var client = new EchoClient(channel.CallInvoker);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.EchoAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task The_client_refuses_to_send_above_its_send_limit()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Server.Address, new GrpcChannelOptions { MaxSendMessageSize = 10 });
        var client = new EchoClient(channel.CallInvoker);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Message = "more than ten bytes" }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task The_client_enforces_its_receive_limit()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1000 });
        var client = new EchoClient(channel.CallInvoker);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.LargeAsync(new LargeRequest { PayloadSize = 2000 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Metadata_the_protocol_owns_is_refused_by_the_client_with_its_name()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _client.EchoAsync(new EchoRequest(), new CallOptions(Headers: new Metadata { { "grpc-timeout", "1S" } })).ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("'grpc-timeout' is reserved", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_UNAVAILABLE()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new EchoClient(channel.CallInvoker);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
