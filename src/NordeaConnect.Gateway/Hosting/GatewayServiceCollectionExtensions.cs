using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Gateway.Services;
using NordeaConnect.Grpc.Server;

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// The façade: the gRPC wire layer, Bearer-token auth (tokens from <paramref name="tokens"/>), result-code
    /// failures, the change outbox Watch reads (in memory unless <see cref="GatewayNotificationHostingExtensions.AddGatewayNotifications"/>
    /// or <c>AddNotificationOutbox</c> came first), and the service classes. The grains behind the services come separately.
    /// </summary>
    public static IServiceCollection AddGatewayFacade(this IServiceCollection services, AccessTokenRegistry tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        MethodScopes.EnsureCovers(MethodScopes.Services);
        services.AddGrpcServer();
        services.AddSingleton(tokens);
        // Order matters: authenticate first, so an unauthenticated caller learns nothing from validation errors.
        services.AddSingleton<IServerInterceptor, BearerTokenInterceptor>();
        services.AddSingleton<IServerInterceptor, ResultFailureInterceptor>();
        if (!services.Any(d => d.ServiceType == typeof(INotificationOutbox)))
        {
            // Watch resumes from the outbox, so a façade always has one; this one lives and dies with the process.
            services.AddNotificationOutbox();
        }

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
