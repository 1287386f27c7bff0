using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

internal sealed class GrainSubscriptionOperations(IGrainFactory grains, EntityVersions versions) : ISubscriptionOperations
{
    public async Task<Versioned<Upstream.Subscription>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).GetAsync(maxStaleness, cancellationToken));
        return new Versioned<Upstream.Subscription>(GrainSnapshots.ToEntity(snapshot), versions.Observed(EntityKey.ForSubscription(id)));
    }

    public async Task<Versioned<Upstream.Subscription>> UpdateAsync(long id, SubscriptionUpdate update, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var grain = Grain(id);
        var request = new SubscriptionUpdateRequest
        {
            PlanId = update.PlanId,
            Status = update.Status,
            Quantity = update.Quantity,
            Metadata = update.Metadata,
            StoredCardId = update.StoredCardId,
            Items = update.Items,
        };
        var snapshot = GrainResults.Unwrap(await grain.UpdateAsync(request, idempotencyKey, cancellationToken));
        if (update.Debt is { } debt)
        {
            // The grain sets debt only by adding to it, inside its turn; replacing is adding the difference.
            // Another idempotency key for the second step, derived so a retry of the whole call replays both.
            var debtKey = idempotencyKey is null ? null : idempotencyKey + ":debt";
            snapshot = GrainResults.Unwrap(await grain.AddDebtAsync(debt - snapshot.Debt, debtKey, cancellationToken));
        }

        return Changed(snapshot, "updated");
    }

    public async Task<Versioned<Upstream.Subscription>> AddDebtAsync(long id, decimal delta, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).AddDebtAsync(delta, idempotencyKey, cancellationToken));
        return Changed(snapshot, "updated");
    }

    private Versioned<Upstream.Subscription> Changed(SubscriptionSnapshot snapshot, string reason) =>
        versions.Changed(EntityKey.ForSubscription(snapshot.Id), reason, change => new Versioned<Upstream.Subscription>(GrainSnapshots.ToEntity(snapshot), change));

    private ISubscriptionGrain Grain(long id) => grains.GetGrain<ISubscriptionGrain>(id);
}
