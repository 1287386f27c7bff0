using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains;

/// <summary>
/// Creates billing plans, keyed by plan name: creating the same plan twice makes one plan; another definition under
/// a name already created is refused.
/// </summary>
public interface IPlanCatalogGrain : IGrainWithStringKey
{
    [ExclusiveTurn]
    Task<OperationResult<PlanSnapshot>> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
