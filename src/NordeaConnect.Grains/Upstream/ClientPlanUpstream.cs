using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>The billing plan calls over NordeaConnect.Client.</summary>
internal sealed class ClientPlanUpstream(IPlanService plans) : IPlanUpstream
{
    public async Task<PlanSnapshot> GetAsync(long planId, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await plans.GetAsync(planId, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<PlanSnapshot>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var options = new ListOptions { Limit = 100, OrderBy = SortOrder.Ascending("id") };
        options.AddFilter(ListFilter.Equal("name", name));
        var found = new List<PlanSnapshot>();
        await foreach (var plan in plans.ListAllAsync(options, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(plan.Name, name, StringComparison.Ordinal))
            {
                found.Add(UpstreamSnapshots.From(plan));
            }
        }

        return found;
    }

    public async Task<PlanSnapshot> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await plans.CreateAsync(
            new PlanCreateOptions
            {
                Name = request.Name,
                Description = request.Description,
                IntervalUnit = request.IntervalUnit,
                Interval = request.Interval,
                Periods = request.Periods,
                TrialLength = request.TrialLength,
                Prices = request.Prices.ToDictionary(pair => CurrencyCode.Parse(pair.Key), pair => pair.Value),
                SetupFees = request.SetupFees.Count == 0 ? null : request.SetupFees.ToDictionary(pair => CurrencyCode.Parse(pair.Key), pair => pair.Value),
            },
            requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));
}
