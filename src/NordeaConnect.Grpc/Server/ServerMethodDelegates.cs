namespace NordeaConnect.Grpc.Server;

/// <summary>A unary method: one request, one response.</summary>
public delegate Task<TResponse> UnaryServerMethod<in TRequest, TResponse>(TRequest request, ServerCallContext context);

/// <summary>A server-streaming method: one request, any number of responses written to the stream.</summary>
public delegate Task ServerStreamingServerMethod<in TRequest, TResponse>(
    TRequest request,
    IServerStreamWriter<TResponse> responseStream,
    ServerCallContext context);

/// <summary>The rest of the call after an interceptor: the next interceptor, and in the end the method itself.</summary>
public delegate Task ServerCallContinuation(ServerCallContext context);
