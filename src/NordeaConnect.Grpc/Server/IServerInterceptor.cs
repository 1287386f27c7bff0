namespace NordeaConnect.Grpc.Server;

/// <summary>
/// Runs around every call, before the request message is read: authentication, logging, metrics.
/// Throw <see cref="RpcException"/> to refuse a call; call <paramref name="next"/> to let it through.
/// Register with <c>services.AddSingleton&lt;IServerInterceptor, T&gt;()</c>; they run in registration order.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, ServerCallContinuation next);
}
