using NordeaConnect.Grpc.Health;
using NordeaConnect.Grpc.Server;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>Registers the gRPC wire layer: options, the service registry and the health status registry.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        var options = services.AddOptions<GrpcServerOptions>().Validate(
            o => o.MaxReceiveMessageSize > 0 && o.MaxSendMessageSize > 0,
            "GrpcServerOptions.MaxReceiveMessageSize and MaxSendMessageSize must be positive.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<GrpcServiceRegistry>();
        services.AddSingleton<HealthStatusRegistry>();
        return services;
    }
}
