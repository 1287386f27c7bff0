using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NordeaConnect.Gateway.Hosting;

internal static class GatewayTlsListeners
{
    /// <summary>
    /// A cleartext listener speaks only <paramref name="cleartext"/>; a TLS listener (https:// in the settings) speaks
    /// HTTP/2 and HTTP/1.1, chosen per connection by ALPN, with the Kestrel:Certificates:Default certificate.
    /// </summary>
    public static void Configure(ListenOptions listen, GatewaySettings settings, HttpProtocols cleartext)
    {
        if (settings.Tls.IsTls(listen.IPEndPoint!) && settings.Tls.Certificate is { } certificate)
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        }
        else
        {
            listen.Protocols = cleartext;
        }
    }
}
