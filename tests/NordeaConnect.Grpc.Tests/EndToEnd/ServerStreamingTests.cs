using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

public sealed class ServerStreamingTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private readonly EchoClient _client = new(fixture.Server.Channel.CallInvoker);

    [Fact]
    public async Task All_messages_arrive_in_order_then_OK()
    {
        using var call = _client.Count(new CountRequest { Count = 50 });

        var indexes = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            indexes.Add(reply.Index);
        }

        Assert.Equal(Enumerable.Range(0, 50), indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task An_empty_stream_ends_with_OK()
    {
        using var call = _client.Count(new CountRequest { Count = 0 });

        Assert.False(await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_deadline_during_a_stream_ends_it_with_DEADLINE_EXCEEDED()
    {
        using var call = _client.Count(
            new CountRequest { UntilCancelled = true, DelayMs = 20 },
            new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(400)));

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }
}
