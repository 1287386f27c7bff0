using Google.Protobuf;

namespace NordeaConnect.Grpc.Server;

internal sealed class ServerStreamingServerCallHandler<TRequest, TResponse>(
    string serviceName,
    string methodName,
    MessageParser<TRequest> requestParser,
    ServerStreamingServerMethod<TRequest, TResponse> method)
    : ServerCallHandler<TRequest>(serviceName, methodName, requestParser)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    protected override bool EndsOnServerShutdown => true;

    protected override async Task InvokeMethodAsync(
        Func<HttpServerCallContext, GrpcServerOptions, Task<TRequest>> readRequest,
        HttpServerCallContext context,
        GrpcServerOptions options)
    {
        var request = await readRequest(context, options).ConfigureAwait(false);
        await method(request, new ResponseStreamWriter(context, options), context).ConfigureAwait(false);
    }

    private sealed class ResponseStreamWriter(HttpServerCallContext context, GrpcServerOptions options) : IServerStreamWriter<TResponse>
    {
        private int _writing;

        public async Task WriteAsync(TResponse message, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (Interlocked.Exchange(ref _writing, 1) == 1)
            {
                throw new InvalidOperationException("A previous WriteAsync on this response stream has not completed; await each write before the next.");
            }

            try
            {
                await context.WriteMessageAsync(message, CheckResponseSize(message, options), flush: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _writing, 0);
            }
        }
    }
}
