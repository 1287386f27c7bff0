using Grpc.Health.V1;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NordeaConnect.Grpc.Tests.Health;

public sealed class HealthServiceTests : IAsyncLifetime
{
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0], "Check");

    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
        Method.Create<HealthCheckRequest, HealthCheckResponse>(HealthReflection.Descriptor.Services[0], "Watch");

    private GrpcTestServer? _server;

    private GrpcTestServer Server => _server!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task The_server_as_a_whole_is_SERVING()
    {
        var response = await Server.Channel.CallInvoker.AsyncUnaryCall(Check, default, new HealthCheckRequest());

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task An_unknown_service_is_NOT_FOUND()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Server.Channel.CallInvoker.AsyncUnaryCall(Check, default, new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Watch_streams_the_current_status_then_each_change()
    {
        using var call = Server.Channel.CallInvoker.AsyncServerStreamingCall(Watch, default, new HealthCheckRequest { Service = "svc" });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);

        Server.Health.SetStatus("svc", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        Server.Health.SetStatus("svc", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);

        var check = await Server.Channel.CallInvoker.AsyncUnaryCall(Check, default, new HealthCheckRequest { Service = "svc" });
        Assert.Equal(ServingStatus.NotServing, check.Status);
    }
}
