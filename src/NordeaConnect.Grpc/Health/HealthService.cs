using Grpc.Health.V1;
using NordeaConnect.Grpc.Server;

namespace NordeaConnect.Grpc.Health;

/// <summary>The standard <c>grpc.health.v1.Health</c> service over <see cref="HealthStatusRegistry"/>.</summary>
public sealed class HealthService(HealthStatusRegistry registry)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!registry.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is not known to the health registry."));
        }

        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        // A watch only ends by cancellation; the layer turns that into the right status (CANCELLED for a caller that
        // left, DEADLINE_EXCEEDED, or UNAVAILABLE when the server shuts down so watchers look elsewhere).
        await foreach (var status in registry.WatchAsync(request.Service, context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
