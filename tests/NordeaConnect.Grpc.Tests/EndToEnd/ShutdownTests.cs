using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Host_shutdown_ends_open_streams_with_UNAVAILABLE()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var client = new EchoClient(server.Channel.CallInvoker);
        using var call = client.Count(new CountRequest { UntilCancelled = true, DelayMs = 20 });
        Assert.True(await call.ResponseStream.MoveNext());

        var stopping = server.StopAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }
}
