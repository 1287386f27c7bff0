using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>What the services ask of the Plan grains; conventions as in <see cref="ITransactionOperations"/>.</summary>
public interface IPlanOperations
{
    Task<Upstream.Plan> CreateAsync(PlanCreation creation, string? idempotencyKey, CancellationToken cancellationToken);

    Task<Upstream.Plan> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);
}
