namespace NordeaConnect.Grpc.Client;

/// <summary>
/// Base of a typed client: one per service, a static <see cref="Method{TRequest, TResponse}"/> field per method and
/// one short method per call that hands them to <see cref="CallInvoker"/> (see README for the pattern).
/// </summary>
public abstract class ClientBase
{
    protected ClientBase(CallInvoker callInvoker)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        CallInvoker = callInvoker;
    }

    protected ClientBase(GrpcChannel channel)
        : this((channel ?? throw new ArgumentNullException(nameof(channel))).CallInvoker)
    {
    }

    protected CallInvoker CallInvoker { get; }
}
