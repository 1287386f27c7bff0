using Google.Protobuf;

namespace NordeaConnect.Grpc.Client;

/// <summary>Makes calls over a <see cref="GrpcChannel"/>'s HTTP/2 connections.</summary>
internal sealed class HttpCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(method);
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        var response = RunUnaryAsync(call, request);
        return new AsyncUnaryCall<TResponse>(response, call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(method);
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        var started = call.StartAsync(request);
        return new AsyncServerStreamingCall<TResponse>(new ResponseStreamReader<TRequest, TResponse>(call, started), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> RunUnaryAsync<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, TRequest request)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        try
        {
            await call.StartAsync(request).ConfigureAwait(false);
            return await call.ReadUnaryResponseAsync().ConfigureAwait(false);
        }
        finally
        {
            // The response has been read to its trailers (or failed); release the stream without waiting for Dispose.
            call.Dispose();
        }
    }

    private sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call, Task started) : IAsyncStreamReader<TResponse>
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        private TResponse? _current;

        public TResponse Current => _current ?? throw new InvalidOperationException("No message has been read; call MoveNext first.");

        public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
        {
            await started.ConfigureAwait(false);
            _current = await call.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            return _current is not null;
        }
    }
}
