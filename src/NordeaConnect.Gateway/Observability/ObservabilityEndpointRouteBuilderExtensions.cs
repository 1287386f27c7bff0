using System.Text.Json;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Observability.Health;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace NordeaConnect.Gateway.Observability;

public static class ObservabilityEndpointRouteBuilderExtensions
{
    public const string MetricsPath = "/metrics";
    public const string LivenessPath = "/healthz/live";
    public const string ReadinessPath = "/healthz/ready";

    /// <summary>
    /// <c>GET /metrics</c> (Prometheus text format, from the OpenTelemetry Prometheus exporter), <c>GET /healthz/live</c> (200 while the process serves requests)
    /// and <c>GET /healthz/ready</c> (200, or 503 naming what is unreachable). Restricted to the observability
    /// endpoint when one is configured, so the public gRPC port does not expose them.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayObservability(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        var hosts = options.Endpoint is { } endpoint ? new[] { "*:" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null;

        Restrict(endpoints.MapPrometheusScrapingEndpoint(MetricsPath), hosts);
        Restrict(endpoints.MapGet(LivenessPath, static () => HttpResults.Text("live\n", "text/plain; charset=utf-8")), hosts);
        Restrict(endpoints.MapGet(ReadinessPath, static async (ReadinessProbe probe) =>
        {
            var report = await probe.CheckAsync().ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["status"] = report.IsReady ? "ready" : "not ready",
                ["checkedAt"] = report.CheckedAt,
                ["checks"] = report.Problems.ToDictionary(static pair => pair.Key, static pair => pair.Value ?? "ok"),
            });
            return HttpResults.Text(body, "application/json", statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }), hosts);
        return endpoints;
    }

    private static void Restrict(IEndpointConventionBuilder endpoint, string[]? hosts)
    {
        if (hosts is not null)
        {
            endpoint.RequireHost(hosts);
        }
    }
}
