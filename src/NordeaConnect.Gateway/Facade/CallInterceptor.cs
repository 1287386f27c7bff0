using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// A server interceptor that wraps unary and server-streaming calls the same way (the façade has no other shapes),
/// so each concern is written once in <see cref="AroundAsync"/>.
/// </summary>
public abstract class CallInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        TResponse? response = default;
        await AroundAsync(context, async () => response = await continuation(request, context).ConfigureAwait(false)).ConfigureAwait(false);
        return response!;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        return AroundAsync(context, () => continuation(request, responseStream, context));
    }

    /// <summary>Runs the call (<paramref name="next"/>) with this concern around it.</summary>
    protected abstract Task AroundAsync(ServerCallContext context, Func<Task> next);
}
