using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

internal sealed class GrainStoredCardOperations(IGrainFactory grains, EntityVersions versions, GrainTransactionOperations transactions) : IStoredCardOperations
{
    public async Task<Versioned<Upstream.StoredCard>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).GetAsync(maxStaleness, cancellationToken));
        return new Versioned<Upstream.StoredCard>(GrainSnapshots.ToEntity(snapshot), versions.Observed(Key(id)));
    }

    public async Task<Versioned<Upstream.StoredCard>> UpdateStatusAsync(long id, string status, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).UpdateStatusAsync(status, idempotencyKey, cancellationToken));
        return Changed(snapshot, "updated");
    }

    public async Task<Versioned<Upstream.StoredCard>> DeleteAsync(long id, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).DeleteAsync(idempotencyKey, cancellationToken));
        return Changed(snapshot, "deleted");
    }

    public async Task<TransactionView> ChargeAsync(long id, StoredCardCharge charge, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new StoredCardChargeRequest
        {
            PaymentRef = charge.PaymentRef,
            Amount = charge.Amount,
            Currency = charge.Currency,
            CustomerRef = charge.CustomerRef,
            Test = charge.Test,
            Metadata = charge.Metadata,
        };
        var transaction = GrainResults.Unwrap(await Grain(id).ChargeAsync(request, cancellationToken));
        return await transactions.CreatedAsync(transaction, "charged", charge.NotificationUrl, cancellationToken);
    }

    private Versioned<Upstream.StoredCard> Changed(StoredCardSnapshot snapshot, string reason) =>
        versions.Changed(Key(snapshot.Id), reason, change => new Versioned<Upstream.StoredCard>(GrainSnapshots.ToEntity(snapshot), change));

    private static EntityKey Key(long id) => new(EntityKey.StoredCard, id);

    private IStoredCardGrain Grain(long id) => grains.GetGrain<IStoredCardGrain>(id);
}
