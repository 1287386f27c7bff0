using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NordeaConnect.Gateway.Observability.Health;

/// <summary>
/// The readiness checks (PostgreSQL, upstream) as one ASP.NET Core health check, so <c>grpc.health.v1.Health</c>
/// answers NOT_SERVING exactly when <c>/healthz/ready</c> answers 503. A host without observability has no probe and
/// reports healthy.
/// </summary>
public sealed class ReadinessHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ReadinessProbe>() is not { } probe)
        {
            return HealthCheckResult.Healthy("no readiness checks configured");
        }

        var report = await probe.CheckAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (report.IsReady)
        {
            return HealthCheckResult.Healthy();
        }

        var problems = report.Problems.Where(p => p.Value is not null).Select(p => p.Key + ": " + p.Value);
        return HealthCheckResult.Unhealthy(string.Join("; ", problems));
    }
}
