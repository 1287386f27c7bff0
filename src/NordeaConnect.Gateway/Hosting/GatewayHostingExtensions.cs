namespace NordeaConnect.Gateway.Hosting;

public static class GatewayHostingExtensions
{
    /// <summary>Listens for gRPC (HTTP/2 cleartext) on the configured endpoints only.</summary>
    public static IWebHostBuilder ListenForGrpc(this IWebHostBuilder webHost, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return webHost.UseKestrel(kestrel =>
        {
            foreach (var endpoint in settings.Endpoints)
            {
                kestrel.ListenGrpc(endpoint);
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
