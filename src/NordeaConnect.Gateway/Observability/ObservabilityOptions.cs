using System.Net;

namespace NordeaConnect.Gateway.Observability;

/// <summary>
/// Where <c>/metrics</c> and <c>/healthz/*</c> are served. With no endpoint they answer on the gRPC endpoints
/// (HTTP/2 only there); with one (<c>Gateway:ObservabilityUrl</c>, e.g. http://127.0.0.1:5082) they answer over
/// HTTP/1.1 and HTTP/2 on that endpoint only, which is what Prometheus and orchestrator probes expect.
/// </summary>
public sealed class ObservabilityOptions
{
    public const string UrlKey = "Gateway:ObservabilityUrl";

    public IPEndPoint? Endpoint { get; set; }
}
