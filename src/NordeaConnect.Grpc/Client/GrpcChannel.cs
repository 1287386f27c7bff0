using System.Net;

namespace NordeaConnect.Grpc.Client;

/// <summary>
/// A connection pool to one gRPC server over HTTP/2 (h2c for http://, TLS with ALPN for https://).
/// Create one per server and share it: it is thread-safe and multiplexes calls over its connections.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        _invoker = new HttpMessageInvoker(handler, disposeHandler: options.HttpHandler is null || options.DisposeHttpHandler);
        CallInvoker = new HttpCallInvoker(this);
    }

    public Uri Address { get; }

    public GrpcChannelOptions Options { get; }

    /// <summary>Makes calls over this channel; hand it to typed clients.</summary>
    public CallInvoker CallInvoker { get; }

    internal HttpMessageInvoker HttpInvoker => _invoker;

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address)), UriKind.Absolute), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"gRPC address '{address}' must be an absolute http:// (h2c) or https:// URI.", nameof(address));
        }

        options ??= new GrpcChannelOptions();
        if (options.MaxReceiveMessageSize <= 0 || options.MaxSendMessageSize <= 0)
        {
            throw new ArgumentException("GrpcChannelOptions.MaxReceiveMessageSize and MaxSendMessageSize must be positive.", nameof(options));
        }

        return new GrpcChannel(address, options);
    }

    public void Dispose() => _invoker.Dispose();
}
