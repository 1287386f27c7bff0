using Orleans.Concurrency;

namespace NordeaConnect.Grains;

/// <summary>
/// Creates billing plans, keyed by plan name: creating the same plan twice makes one plan; another definition under
/// a name already created is refused.
/// </summary>
public interface IPlanCatalogGrain : IGrainWithStringKey
{
    Task<OperationResult<PlanSnapshot>> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
