using System.Net;
using System.Net.Security;
using System.Security.Authentication;

namespace NordeaConnect.Client;

/// <summary>
/// The primary handler of the client's HttpClient: TLS 1.2 or 1.3 only (the reference requires 1.2 or above),
/// pooled connections recycled so DNS changes are seen, and a connect timeout no longer than one attempt.
/// </summary>
public static class NordeaConnectHttpHandler
{
    public static SocketsHttpHandler Create(NordeaConnectClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            },
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            ConnectTimeout = options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseCookies = false,
        };
    }
}
