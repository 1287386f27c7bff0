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
    public async Task An_exception_after_some_messages_arrives_in_trailers_after_them()
    {
        using var call = _client.Count(new CountRequest { Count = 3, FailCode = (int)StatusCode.Aborted });
        var indexes = new List<int>();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                indexes.Add(reply.Index);
            }
        });

        Assert.Equal([0, 1, 2], indexes);
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("failed after 3 replies", ex.Status.Detail);
        Assert.Equal("3", ex.Trailers.GetValue("sent"));
    }

    [Fact]
    public async Task A_status_set_on_the_context_ends_the_stream_with_it()
    {
        using var call = _client.Count(new CountRequest { Count = 2, StatusCode = (int)StatusCode.OutOfRange });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.OutOfRange, ex.StatusCode);
        Assert.Equal(StatusCode.OutOfRange, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Hundreds_of_concurrent_streams_on_one_channel_each_get_their_own_messages()
    {
        // More streams than Kestrel allows on one connection (100): the channel must open more connections.
        var calls = Enumerable.Range(1, 250).Select(async n =>
        {
            using var call = _client.Count(new CountRequest { Count = n % 7, DelayMs = 30 });
            var indexes = await call.ResponseStream.ReadAllAsync().Select(r => r.Index).ToListAsync();
            return (n, indexes);
        });

        foreach (var (n, indexes) in await Task.WhenAll(calls))
        {
            Assert.Equal(Enumerable.Range(0, n % 7), indexes);
        }
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
