using Microsoft.AspNetCore.Server.Kestrel.Core;
using NordeaConnect.Gateway.Notifications;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// How changes travel in and out of the gateway: Nordea Connect's webhooks in (HTTP/1.1 intake), the durable outbox
/// that numbers every change, and from it Watch streams and notification_url deliveries out.
/// </summary>
public static class GatewayNotificationHostingExtensions
{
    /// <summary>Listens for Nordea Connect's webhooks (HTTP/1.1: upstream does not speak h2c) on the configured webhook endpoints.</summary>
    public static IWebHostBuilder ListenForWebhooks(this IWebHostBuilder webHost, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return webHost.ConfigureKestrel(kestrel =>
        {
            // A TLS endpoint shared with gRPC is bound once, by ListenForGrpc, and serves both through ALPN.
            foreach (var endpoint in settings.Webhooks.Endpoints.Where(e => !(settings.Tls.IsTls(e) && settings.Endpoints.Contains(e))))
            {
                kestrel.Listen(endpoint, listen => GatewayTlsListeners.Configure(listen, settings, HttpProtocols.Http1));
            }
        });
    }

    /// <summary>
    /// The notification outbox (PostgreSQL with <c>postgres</c> storage, else memory) and the webhook intake. When a
    /// public URL is known (configured, or the local run's own webhook endpoint) and registration is not turned off,
    /// the intake registers one webhook template per trigger upstream at start-up. Call before <see cref="GatewayServiceCollectionExtensions.AddGatewayFacade"/>.
    /// </summary>
    public static IServiceCollection AddGatewayNotifications(this IServiceCollection services, GatewaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddNotificationOutbox(o => o.PostgresConnectionString = settings.PostgresConnectionString);
        services.AddWebhookIntake(o =>
        {
            o.SharedSecret = settings.Webhooks.SharedSecret;
            o.PublicUrl = settings.Webhooks.PublicUrl;
            o.Registration = settings.Webhooks.RegisterTemplates ? WebhookRegistrationMode.Templates : WebhookRegistrationMode.None;
        });
        return services;
    }

    /// <summary>Maps the webhook intake at <see cref="GatewaySettings.WebhookPath"/>; deliveries carry the shared secret, not a Bearer token.</summary>
    public static IEndpointRouteBuilder MapGatewayWebhookIntake(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapWebhookIntake(GatewaySettings.WebhookPath).AddEndpointFilter(Observability.GatewayTelemetry.CountWebhookOutcome);
        return endpoints;
    }
}
