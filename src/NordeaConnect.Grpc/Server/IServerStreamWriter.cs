namespace NordeaConnect.Grpc.Server;

/// <summary>Writes the response messages of a server-streaming call, one at a time.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message. Writes must not overlap; the call's cancellation also stops a pending write.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
