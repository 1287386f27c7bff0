using System.Collections.Immutable;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

internal sealed class GrainPlanOperations(IGrainFactory grains) : IPlanOperations
{
    public async Task<Upstream.Plan> CreateAsync(PlanCreation creation, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new PlanCreateRequest
        {
            Name = creation.Name,
            Description = creation.Description,
            IntervalUnit = creation.IntervalUnit,
            Interval = creation.Interval,
            Periods = creation.Periods,
            TrialLength = creation.TrialLength,
            Prices = creation.Prices.ToImmutableSortedDictionary(p => p.Key.Code, p => p.Value, StringComparer.Ordinal),
            SetupFees = creation.SetupFees.ToImmutableSortedDictionary(p => p.Key.Code, p => p.Value, StringComparer.Ordinal),
        };

        // Plans are keyed by name: the same definition twice is one plan.
        var snapshot = GrainResults.Unwrap(await grains.GetGrain<IPlanCatalogGrain>(creation.Name).CreateAsync(request, cancellationToken));
        return GrainSnapshots.ToEntity(snapshot);
    }

    public async Task<Upstream.Plan> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken) =>
        GrainSnapshots.ToEntity(GrainResults.Unwrap(await grains.GetGrain<IPlanGrain>(id).GetAsync(maxStaleness, cancellationToken)));
}
