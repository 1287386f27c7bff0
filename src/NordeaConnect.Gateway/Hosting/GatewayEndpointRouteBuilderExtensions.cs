using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Services;

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves every nordeaconnect.grains.v1 service, grpc.health.v1.Health (open, for probes) and server reflection. On a
    /// <see cref="WebApplication"/> (which runs its middleware before the endpoints) it also adds the middleware that
    /// gives a result code to the failures Grpc.AspNetCore and JSON transcoding answer before a service runs. Each unary
    /// method is also served as HTTP/JSON (its <c>google.api.http</c> route), described by the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayFacade(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints is IApplicationBuilder app)
        {
            app.UseMiddleware<UnansweredFailureMiddleware>();
            app.UseMiddleware<JsonApiFailureMiddleware>();
        }

        endpoints.MapGrpcService<TransactionsService>();
        endpoints.MapGrpcService<RefundsService>();
        endpoints.MapGrpcService<StoredCardsService>();
        endpoints.MapGrpcService<PlansService>();
        endpoints.MapGrpcService<SubscriptionsService>();
        endpoints.MapGrpcService<CustomersService>();
        endpoints.MapGrpcService<WebhookTemplatesService>();
        endpoints.MapGrpcService<WebhooksService>();
        endpoints.MapGrpcService<NotificationsService>();
        endpoints.MapGrpcService<Audit.AuditService>();
        endpoints.MapGrpcHealthChecksService().AllowAnonymous();
        // Open like health: it lists the public protos, so grpcurl, Postman and grpcui discover the services.
        endpoints.MapGrpcReflectionService().AllowAnonymous();
        endpoints.MapGatewayOpenApi();
        return endpoints;
    }
}
