namespace NordeaConnect.Grains;

/// <summary>The billing plan calls the grains make upstream (see <see cref="ITransactionUpstream"/> for the error contract).</summary>
internal interface IPlanUpstream
{
    Task<PlanSnapshot> GetAsync(long planId, CancellationToken cancellationToken);

    /// <summary>Plans with this exact name (<c>filter[name]=...</c>), oldest first.</summary>
    Task<IReadOnlyList<PlanSnapshot>> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<PlanSnapshot> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken);
}
