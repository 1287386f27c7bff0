using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Infrastructure;

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
