using Google.Protobuf;

namespace NordeaConnect.Grpc.Server;

internal sealed class UnaryServerCallHandler<TRequest, TResponse>(
    string serviceName,
    string methodName,
    MessageParser<TRequest> requestParser,
    UnaryServerMethod<TRequest, TResponse> method)
    : ServerCallHandler<TRequest>(serviceName, methodName, requestParser)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    protected override async Task InvokeMethodAsync(
        Func<HttpServerCallContext, GrpcServerOptions, Task<TRequest>> readRequest,
        HttpServerCallContext context,
        GrpcServerOptions options)
    {
        var request = await readRequest(context, options).ConfigureAwait(false);
        var response = await method(request, context).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Method {context.Method} returned a null response message.");
        if (context.Status.StatusCode != StatusCode.OK)
        {
            // A failed unary call carries no message, only the status the method chose.
            return;
        }

        await context.WriteMessageAsync(response, CheckResponseSize(response, options), flush: false, CancellationToken.None).ConfigureAwait(false);
    }
}
