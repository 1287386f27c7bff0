using Microsoft.AspNetCore.Http;

namespace NordeaConnect.Grpc.Server;

/// <summary>What a service method knows about the call it is serving (shaped like grpc-dotnet's type of this name).</summary>
public abstract class ServerCallContext
{
    /// <summary>The method path, <c>/package.Service/Method</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The fully qualified service name, <c>package.Service</c>.</summary>
    public abstract string ServiceName { get; }

    /// <summary>The method's simple name, <c>Method</c>.</summary>
    public abstract string MethodName { get; }

    public abstract string Host { get; }

    /// <summary>The caller's address as gRPC formats it: <c>ipv4:127.0.0.1:5050</c> or <c>ipv6:[::1]:5050</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>When the caller stops waiting (UTC), from <c>grpc-timeout</c>; <see cref="DateTime.MaxValue"/> when none was sent.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the caller cancels (RST_STREAM), the connection drops or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Metadata sent after the response messages, beside <c>grpc-status</c>.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>
    /// The status sent when the method returns normally (OK unless set). Throwing <see cref="RpcException"/>
    /// is the usual way to fail a call; this is for failing after having streamed some messages.
    /// </summary>
    public abstract Status Status { get; set; }

    /// <summary>Per-call state that interceptors hand to the service (e.g. the authenticated principal).</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>The ASP.NET Core request underneath, for what the gRPC view does not cover (client certificate, services).</summary>
    public abstract HttpContext GetHttpContext();

    /// <summary>Sends response headers now; may be called once, before the first response message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
