using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Services;

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>Serves every nordeaconnect.grains.v1 service, and grpc.health.v1.Health (open, for probes).</summary>
    public static IEndpointRouteBuilder MapGatewayFacade(this IEndpointRouteBuilder endpoints)
    {
        var services = MethodScopes.Services;
        endpoints.MapGrpcService<TransactionsService>(services[0]);
        endpoints.MapGrpcService<RefundsService>(services[1]);
        endpoints.MapGrpcService<StoredCardsService>(services[2]);
        endpoints.MapGrpcService<PlansService>(services[3]);
        endpoints.MapGrpcService<SubscriptionsService>(services[4]);
        endpoints.MapGrpcService<CustomersService>(services[5]);
        endpoints.MapGrpcService<WebhookTemplatesService>(services[6]);
        endpoints.MapGrpcService<WebhooksService>(services[7]);
        endpoints.MapGrpcService<NotificationsService>(services[8]);
        endpoints.MapGrpcHealthService();
        return endpoints;
    }
}
