using Grpc.Health.V1;
using Microsoft.AspNetCore.Routing;
using NordeaConnect.Grpc.Health;

namespace Microsoft.AspNetCore.Builder;

public static class GrpcHealthEndpointRouteBuilderExtensions
{
    /// <summary>Serves <c>grpc.health.v1.Health</c> (Check, Watch) from the <see cref="HealthStatusRegistry"/> in DI.</summary>
    public static IEndpointConventionBuilder MapGrpcHealthService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGrpcService<HealthService>(HealthReflection.Descriptor.Services[0]);
}
