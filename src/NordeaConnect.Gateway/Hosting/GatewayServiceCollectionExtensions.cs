using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Gateway.Services;

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>The largest request or response message, as gRPC's own default: 4 MiB.</summary>
    public const int MaxMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// The façade: Grpc.AspNetCore with message size limits, Bearer-token authentication (static tokens from <paramref name="tokens"/>, JWTs as <paramref name="jwt"/> configures) and one
    /// authorization policy per scope (the services name theirs per method; authorization runs before a request is read),
    /// result-code failures, gRPC health, and the change outbox Watch reads (in memory unless
    /// <see cref="GatewayNotificationHostingExtensions.AddGatewayNotifications"/> or <c>AddNotificationOutbox</c> came
    /// first). The grains behind the services come separately.
    /// </summary>
    public static IServiceCollection AddGatewayFacade(this IServiceCollection services, AccessTokenRegistry tokens, JwtAccessTokenSettings? jwt = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        services.AddGatewayAuthentication(tokens, jwt);
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxMessageSize;
            options.MaxSendMessageSize = MaxMessageSize;
            // Exception text may hold secrets; failures reach callers only as result codes.
            options.EnableDetailedErrors = false;
            options.Interceptors.Add<ResultFailureInterceptor>();
            options.Interceptors.Add<RequestTextInterceptor>();
            options.Interceptors.Add<NotificationTargetInterceptor>();
        }).AddGatewayJsonApi();
        services.AddSingleton(NotificationTargetGuard.Create);
        // Singletons (they hold no per-call state): Grpc.AspNetCore takes an interceptor from DI when it is there, and
        // otherwise builds a new one, with its dependencies, for every call.
        services.AddSingleton<ResultFailureInterceptor>();
        services.AddSingleton<RequestTextInterceptor>();
        services.AddSingleton<NotificationTargetInterceptor>();
        services.AddGrpcReflection();
        // At the default level the gateway writes no line per request: ASP.NET Core's request lines would carry query
        // strings (the webhook intake's) and cost a write per call.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Warning)
            .AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning));
        services.AddGrpcHealthChecks().AddCheck<Observability.Health.ReadinessHealthCheck>("readiness");
        if (!services.Any(d => d.ServiceType == typeof(INotificationOutbox)))
        {
            // Watch resumes from the outbox, so a façade always has one; this one lives and dies with the process.
            services.AddNotificationOutbox();
        }

        // One instance each: the services hold no per-call state, and the cached Get path allocates less this way.
        services.AddSingleton<TransactionsService>();
        services.AddSingleton<RefundsService>();
        services.AddSingleton<StoredCardsService>();
        services.AddSingleton<PlansService>();
        services.AddSingleton<SubscriptionsService>();
        services.AddSingleton<CustomersService>();
        services.AddSingleton<WebhookTemplatesService>();
        services.AddSingleton<WebhooksService>();
        services.AddSingleton<NotificationsService>();
        return services;
    }
}
