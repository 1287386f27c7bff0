using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NordeaConnect.Gateway.Hosting;

namespace NordeaConnect.Gateway.Observability;

public static class ObservabilityHostingExtensions
{
    /// <summary>
    /// Adds the HTTP/1.1 listener of <see cref="ObservabilityOptions.UrlKey"/> when configured; nothing otherwise.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">The setting is not an http://ip:port address.</exception>
    public static IWebHostBuilder ListenForObservability(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = ReadEndpoint(configuration[ObservabilityOptions.UrlKey]);
        webHost.ConfigureServices(services => services.Configure<ObservabilityOptions>(options => options.Endpoint = endpoint));
        if (endpoint is null)
        {
            return webHost;
        }

        return webHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1AndHttp2));
    }

    internal static IPEndPoint? ReadEndpoint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && url.AbsolutePath == "/" && !url.IsDefaultPort
            && IPAddress.TryParse(url.Host == "localhost" ? IPAddress.Loopback.ToString() : url.Host.Trim('[', ']'), out var address))
        {
            return new IPEndPoint(address, url.Port);
        }

        throw new GatewayConfigurationException(
        [
            $"{ObservabilityOptions.UrlKey} '{text}' is not an address to serve metrics and health on: give http://<ip>:<port>, e.g. http://127.0.0.1:5082 "
                + "(keep it off public interfaces; Prometheus and probes reach it directly).",
        ]);
    }
}
