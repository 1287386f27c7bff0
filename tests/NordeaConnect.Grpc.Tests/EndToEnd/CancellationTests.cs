using Google.Protobuf;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

public sealed class CancellationTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    // Generous bounds: they only stop a broken build from hanging, they assert nothing about speed.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly EchoClient _client = new(fixture.Server.Channel.CallInvoker);

    [Fact]
    public async Task A_passed_deadline_fails_with_DEADLINE_EXCEEDED_and_cancels_the_server_token()
    {
        var tag = Guid.NewGuid().ToString("N");

        // Long enough for the call to reach the server even on a loaded machine; a call cancelled before it
        // arrives never starts there, and would leave nothing to observe.
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _client.SlowAsync(new SlowRequest { Tag = tag }, new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(1500))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await fixture.Server.Probe.WhenStarted(tag).WaitAsync(Patience);
        await fixture.Server.Probe.WhenCancelled(tag).WaitAsync(Patience);
    }

    [Fact]
    public async Task The_server_answers_DEADLINE_EXCEEDED_itself_when_its_deadline_passes()
    {
        using var raw = new RawGrpcRequest();
        var tag = Guid.NewGuid().ToString("N");
        var body = Grpc.Wire.LengthPrefixedMessage.ToArray(new SlowRequest { Tag = tag }.ToByteArray());

        // A raw request has no client-side deadline, so the status can only have come from the server.
        var response = await raw.SendAsync(fixture.Server.Address, "/nordeaconnect.grpc.testing.v1.EchoService/Slow", body, headers: [("grpc-timeout", "200m")]);

        Assert.Equal("4", response.GrpcStatus);
        await fixture.Server.Probe.WhenCancelled(tag).WaitAsync(Patience);
    }

    [Fact]
    public async Task Cancelling_a_unary_call_cancels_the_server_token()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource();
        var call = _client.SlowAsync(new SlowRequest { Tag = tag }, new CallOptions(CancellationToken: cts.Token));
        await fixture.Server.Probe.WhenStarted(tag).WaitAsync(Patience);

        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await fixture.Server.Probe.WhenCancelled(tag).WaitAsync(Patience);
    }

    [Fact]
    public async Task Disposing_a_streaming_call_stops_the_server_stream()
    {
        var tag = Guid.NewGuid().ToString("N");
        var call = _client.Count(new CountRequest { UntilCancelled = true, DelayMs = 10, Tag = tag });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());

        call.Dispose();

        await fixture.Server.Probe.WhenCancelled(tag).WaitAsync(Patience);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_deadline_already_passed_fails_without_calling()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _client.EchoAsync(new EchoRequest(), new CallOptions(Deadline: DateTime.UtcNow.AddSeconds(-1))).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }
}
