using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>What the services ask of the StoredCard grains; conventions as in <see cref="ITransactionOperations"/>.</summary>
public interface IStoredCardOperations
{
    Task<Versioned<Upstream.StoredCard>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);

    /// <summary>active, inactive or deleted.</summary>
    Task<Versioned<Upstream.StoredCard>> UpdateStatusAsync(long id, string status, string? idempotencyKey, CancellationToken cancellationToken);

    Task<Versioned<Upstream.StoredCard>> DeleteAsync(long id, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>A token payment; refused without an upstream call when the card is inactive, deleted or expired.</summary>
    Task<TransactionView> ChargeAsync(long id, StoredCardCharge charge, string? idempotencyKey, CancellationToken cancellationToken);
}
