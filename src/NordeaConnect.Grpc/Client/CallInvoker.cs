using Google.Protobuf;

namespace NordeaConnect.Grpc.Client;

/// <summary>Starts calls. Typed clients wrap one; tests can substitute their own.</summary>
public abstract class CallInvoker
{
    public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>;

    public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>;

    /// <summary>A unary call by path, <c>/package.Service/Method</c>, for callers without a <see cref="Method{TRequest, TResponse}"/>.</summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(string path, TRequest request, MessageParser<TResponse> responseParser, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        AsyncUnaryCall(Method.FromPath<TRequest, TResponse>(MethodType.Unary, path, responseParser), options, request).ResponseAsync;

    /// <summary>A server-streaming call by path, <c>/package.Service/Method</c>.</summary>
    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(string path, TRequest request, MessageParser<TResponse> responseParser, CallOptions options = default)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        AsyncServerStreamingCall(Method.FromPath<TRequest, TResponse>(MethodType.ServerStreaming, path, responseParser), options, request);
}
