using System.Diagnostics.Metrics;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Observability.Health;
using NordeaConnect.Gateway.Observability.Logging;
using NordeaConnect.Gateway.Observability.Outbox;
using NordeaConnect.Gateway.Observability.Rpc;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NordeaConnect.Gateway.Observability;

public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The standard variable that turns OTLP export of traces, metrics and logs on; without it nothing is exported but <c>/metrics</c>.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The activity sources traced: ours, Orleans' grain calls, and (through their instrumentations) ASP.NET Core, HttpClient and Npgsql.</summary>
    public static readonly IReadOnlyList<string> TracedSources = ["NordeaConnect.*", "Microsoft.Orleans.Application"];

    /// <summary>The meters on <c>/metrics</c> besides the instrumentations' own (ASP.NET Core, HttpClient, runtime, Npgsql).</summary>
    public static readonly IReadOnlyList<string> Meters = ["NordeaConnect.*", "Microsoft.Orleans", "Grpc.AspNetCore.Server", "Grpc.Net.Client"];

    /// <summary>
    /// OpenTelemetry traces and metrics (Prometheus on <c>/metrics</c>; OTLP when <see cref="OtlpEndpointKey"/> is set),
    /// logs with trace and correlation ids in their scope (see <see cref="GatewayLogging"/>), the gateway's call metrics
    /// and correlation ids (as the outermost gRPC interceptor, wherever this is called), the correlation header on
    /// upstream requests, and readiness checks: PostgreSQL when <paramref name="settings"/> store grains there, and the upstream host.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">A logging setting is wrong.</exception>
    public static IHostApplicationBuilder AddGatewayObservability(this IHostApplicationBuilder builder, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Logging.AddGatewayLogging(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayMetrics>();
        // Stateless (its metrics and logger are singletons): one instance, not one built by Grpc.AspNetCore per call.
        services.TryAddSingleton<RpcObservabilityInterceptor>();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("nordeaconnect-gateway"))
            .WithTracing(tracing => tracing
                .AddSource([.. TracedSources])
                .AddAspNetCoreInstrumentation(options => options.Filter = static http => !IsObservabilityRequest(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                .AddView(DescribeOrleansInstrument)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                // Every scrape reads current values: a cached answer would hide what a test or an operator just did.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }

        // First in the list is outermost: authentication refusals and every result code get measured and correlated.
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<RpcObservabilityInterceptor>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });

        if (settings.Storage == GatewayStorage.Postgres)
        {
            services.AddHostedService<OutboxGauges>();
        }

        services.TryAddTransient<CorrelationHeaderHandler>();
        services.AddHttpClient(NordeaConnectServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler<CorrelationHeaderHandler>();

        if (settings.Storage == GatewayStorage.Postgres && settings.PostgresConnectionString is { } postgres)
        {
            services.AddSingleton<IReadinessCheck>(new PostgresReadinessCheck(postgres));
        }

        services.AddSingleton<IReadinessCheck>(provider => new UpstreamReadinessCheck(provider.GetRequiredService<IOptions<NordeaConnectClientOptions>>().Value.BaseAddress
            ?? throw new InvalidOperationException("The Nordea Connect client has no BaseAddress; register it (AddNordeaConnectUpstream) before resolving readiness checks.")));
        services.TryAddSingleton(provider => new ReadinessProbe(provider.GetServices<IReadinessCheck>(), provider.GetRequiredService<TimeProvider>(), ReadinessProbe.DefaultCacheFor));
        return builder;
    }

    /// <summary>Orleans' instruments have no description; Prometheus wants HELP text, so they get one naming their source.</summary>
    internal static MetricStreamConfiguration? DescribeOrleansInstrument(Instrument instrument) =>
        instrument.Meter.Name == "Microsoft.Orleans" && string.IsNullOrEmpty(instrument.Description)
            ? new MetricStreamConfiguration { Description = "Orleans runtime instrument " + instrument.Name + (string.IsNullOrEmpty(instrument.Unit) ? string.Empty : " (" + instrument.Unit + ")") + "; see the Orleans documentation." }
            : null;

    /// <summary>Scrapes and probes are not traced: they would drown the calls in traces of themselves.</summary>
    internal static bool IsObservabilityRequest(PathString path) =>
        path.StartsWithSegments(ObservabilityEndpointRouteBuilderExtensions.MetricsPath, StringComparison.Ordinal)
        || path.StartsWithSegments("/healthz", StringComparison.Ordinal);
}
