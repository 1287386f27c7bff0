namespace NordeaConnect.Grpc;

/// <summary>
/// A call that ended with a non-OK status. Thrown by a service to choose the status and trailers the caller sees,
/// and by the client when the server answered with a non-OK status.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status)
        : this(status, new Metadata())
    {
    }

    public RpcException(Status status, Metadata trailers)
        : base(status.ToString())
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    public RpcException(Status status, Metadata trailers, Exception innerException)
        : base(status.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata: sent with the status by a server, received with it by a client.</summary>
    public Metadata Trailers { get; }
}
