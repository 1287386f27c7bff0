
namespace NordeaConnect.Grains;

/// <summary>One billing plan, keyed by its upstream id. Plans change only in the merchant portal, so the grain only reads.</summary>
public interface IPlanGrain : IGrainWithIntegerKey
{
    Task<OperationResult<PlanSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    Task<OperationResult<PlanSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);
}
