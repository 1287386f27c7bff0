using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Microsoft.AspNetCore.Hosting;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens for gRPC: cleartext HTTP/2 with prior knowledge (h2c) when no certificate is given, otherwise TLS
    /// with ALPN offering h2 (and HTTP/1.1, so a browser or health probe still gets a readable refusal).
    /// </summary>
    public static void ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endPoint, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(endPoint);
        kestrel.Listen(endPoint, listen =>
        {
            if (certificate is null)
            {
                listen.Protocols = HttpProtocols.Http2;
            }
            else
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            }
        });
    }
}
