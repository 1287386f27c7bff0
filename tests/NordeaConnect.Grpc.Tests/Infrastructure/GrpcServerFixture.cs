using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Infrastructure;

/// <summary>One server shared by the tests of a class.</summary>
public sealed class GrpcServerFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;

    public GrpcTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>A typed client for EchoService, written the way a service's client is meant to be written over this layer.</summary>
public sealed class EchoClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = EchoReflection.Descriptor.Services[0];
    private static readonly Method<EchoRequest, EchoReply> EchoMethod = Method.Create<EchoRequest, EchoReply>(Service, "Echo");
    private static readonly Method<FailRequest, EchoReply> FailMethod = Method.Create<FailRequest, EchoReply>(Service, "Fail");
    private static readonly Method<SlowRequest, EchoReply> SlowMethod = Method.Create<SlowRequest, EchoReply>(Service, "Slow");
    private static readonly Method<CountRequest, CountReply> CountMethod = Method.Create<CountRequest, CountReply>(Service, "Count");
    private static readonly Method<EchoRequest, EchoReply> CrashMethod = Method.Create<EchoRequest, EchoReply>(Service, "Crash");
    private static readonly Method<LargeRequest, EchoReply> LargeMethod = Method.Create<LargeRequest, EchoReply>(Service, "Large");

    public AsyncUnaryCall<EchoReply> EchoAsync(EchoRequest request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(EchoMethod, options, request);

    public AsyncUnaryCall<EchoReply> FailAsync(FailRequest request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(FailMethod, options, request);

    public AsyncUnaryCall<EchoReply> SlowAsync(SlowRequest request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(SlowMethod, options, request);

    public AsyncServerStreamingCall<CountReply> Count(CountRequest request, CallOptions options = default) => CallInvoker.AsyncServerStreamingCall(CountMethod, options, request);

    public AsyncUnaryCall<EchoReply> CrashAsync(EchoRequest request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(CrashMethod, options, request);

    public AsyncUnaryCall<EchoReply> LargeAsync(LargeRequest request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(LargeMethod, options, request);
}
