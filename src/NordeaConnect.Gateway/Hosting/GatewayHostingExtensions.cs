using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>
    /// Listens for gRPC on the configured endpoints only: HTTP/2 with prior knowledge (h2c) on http:// endpoints
    /// (cleartext has no ALPN, so such a port cannot also speak HTTP/1.1; HTTP/1.1 callers use the webhook/HTTP
    /// listener), and HTTP/2 or HTTP/1.1 by ALPN with the configured certificate on https:// endpoints.
    /// </summary>
    public static IWebHostBuilder ListenForGrpc(this IWebHostBuilder webHost, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return webHost.UseKestrel(kestrel =>
        {
            foreach (var endpoint in settings.Endpoints)
            {
                kestrel.Listen(endpoint, listen => GatewayTlsListeners.Configure(listen, settings, HttpProtocols.Http2));
            }
        });
    }

    /// <summary>The Nordea Connect client, pointed at <paramref name="upstream"/>.</summary>
    public static IServiceCollection AddNordeaConnectUpstream(this IServiceCollection services, UpstreamConnection upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        services.AddNordeaConnectClient(options =>
        {
            options.BaseAddress = upstream.Settings.BaseAddress;
            options.MerchantId = upstream.Settings.MerchantId;
            options.ApiPassword = upstream.Settings.ApiPassword;
            options.HashSecret = upstream.Settings.HashSecret;
            // Only the embedded sandbox is reached over plain HTTP (127.0.0.1); a real upstream must be https.
            options.AllowInsecureHttp = upstream.IsEmbeddedSandbox || upstream.Settings.BaseAddress.IsLoopback;
        });
        return services;
    }
}
