using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Observability.Health;
using NordeaConnect.Gateway.Observability.Metrics;
using NordeaConnect.Gateway.Observability.Rpc;

namespace NordeaConnect.Gateway.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>
    /// Metrics collection (every <c>NordeaConnect*</c> meter), the gateway's call metrics and correlation ids (as
    /// the outermost gRPC interceptor, wherever this is called), the correlation header on upstream requests, and
    /// readiness checks: PostgreSQL when <paramref name="settings"/> store grains there, and the upstream host.
    /// </summary>
    public static IServiceCollection AddGatewayObservability(this IServiceCollection services, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddMetrics();
        services.AddOptions<ObservabilityOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MetricsCollector>();
        services.AddHostedService<MetricsCollectorStartup>();
        services.TryAddSingleton<GatewayMetrics>();

        // First in the list is outermost: authentication refusals and every result code get measured and correlated.
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<RpcObservabilityInterceptor>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });

        services.TryAddTransient<CorrelationHeaderHandler>();
        services.AddHttpClient(NordeaConnectServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler<CorrelationHeaderHandler>();

        if (settings.Storage == GatewayStorage.Postgres && settings.PostgresConnectionString is { } postgres)
        {
            services.AddSingleton<IReadinessCheck>(new PostgresReadinessCheck(postgres));
        }

        services.AddSingleton<IReadinessCheck>(provider => new UpstreamReadinessCheck(provider.GetRequiredService<IOptions<NordeaConnectClientOptions>>().Value.BaseAddress
            ?? throw new InvalidOperationException("The Nordea Connect client has no BaseAddress; register it (AddNordeaConnectUpstream) before resolving readiness checks.")));
        services.TryAddSingleton(provider => new ReadinessProbe(provider.GetServices<IReadinessCheck>(), provider.GetRequiredService<TimeProvider>(), ReadinessProbe.DefaultCacheFor));
        return services;
    }

    /// <summary>Resolves the collector as the host starts, so measurements from the first call on are kept.</summary>
    private sealed class MetricsCollectorStartup(MetricsCollector collector) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            // Constructing the collector starts its listener; nothing else to do.
            GC.KeepAlive(collector);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
