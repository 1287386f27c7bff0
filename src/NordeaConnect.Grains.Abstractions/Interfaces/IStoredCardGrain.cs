using Orleans.Concurrency;

namespace NordeaConnect.Grains;

/// <summary>One stored card, keyed by its upstream id. Its token never leaves the service.</summary>
public interface IStoredCardGrain : IGrainWithIntegerKey
{
    Task<OperationResult<StoredCardSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    Task<OperationResult<StoredCardSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the card from upstream now with its texts in <paramref name="locale"/> (en or sv); the answer becomes the cached state.</summary>
    Task<OperationResult<StoredCardSnapshot>> RefreshInLocaleAsync(string locale, CancellationToken cancellationToken = default);

    Task<OperationResult<StoredCardSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the card active or inactive.</summary>
    /// <param name="locale">The language of upstream's texts in the answer (en or sv); null for upstream's default.</param>
    Task<OperationResult<StoredCardSnapshot>> UpdateStatusAsync(string status, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default);

    /// <param name="locale">The language of upstream's texts in the answer (en or sv); null for upstream's default.</param>
    Task<OperationResult<StoredCardSnapshot>> DeleteAsync(string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A token payment: refused without an upstream call unless the card is active and unexpired, then created through
    /// the payment_ref's creation grain (so a repeated charge of one order pays once), the hash built by the service.
    /// </summary>
    Task<OperationResult<TransactionSnapshot>> ChargeAsync(StoredCardChargeRequest request, CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
