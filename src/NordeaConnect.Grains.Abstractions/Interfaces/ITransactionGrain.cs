using Orleans.Concurrency;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// One transaction, keyed by its upstream id. Reads come from the cache while it is younger than the caller's bound;
/// mutations run one at a time (across nodes too), are checked against the cached money ledger, and are journaled
/// under an idempotency key so a retry never pays or refunds twice.
/// </summary>
public interface ITransactionGrain : IGrainWithIntegerKey
{
    /// <summary>The transaction, from cache when it is younger than <paramref name="maxStaleness"/> (default: the configured bound).</summary>
    Task<OperationResult<TransactionSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the transaction from upstream now.</summary>
    Task<OperationResult<TransactionSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the transaction from upstream now with its texts (an error's description, a refusal) in
    /// <paramref name="locale"/> (en or sv); the answer becomes the cached state, as any read does.
    /// </summary>
    Task<OperationResult<TransactionSnapshot>> RefreshInLocaleAsync(string locale, CancellationToken cancellationToken = default);

    /// <summary>Tells the grain upstream changed the transaction (a webhook arrived); it reads it again.
    /// A state that differs from the one held is counted and announced as a "webhook" change; <c>Replayed</c> says
    /// upstream showed nothing new.
    /// </summary>
    Task<OperationResult<TransactionSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>Metadata is deep-merged into the transaction's; card details only while it is not approved.</summary>
    Task<OperationResult<TransactionSnapshot>> UpdateAsync(TransactionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Captures <paramref name="amount"/> of an authorized transaction, or all that is authorized when null.</summary>
    /// <param name="locale">The language of upstream's texts in the answer (en or sv); null for upstream's default.</param>
    Task<OperationResult<TransactionSnapshot>> CaptureAsync(Amount? amount, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default);

    /// <summary>Refunds (part of) what was captured and not yet refunded; the transaction's watchers see it as a change.</summary>
    /// <param name="locale">The language of upstream's texts in the answer (en or sv); null for upstream's default.</param>
    Task<OperationResult<RefundSnapshot>> RefundAsync(Amount amount, string reason, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default);

    /// <summary>The transaction's refunds, from cache when it is younger than <paramref name="maxStaleness"/>.</summary>
    Task<OperationResult<IReadOnlyList<RefundSnapshot>>> GetRefundsAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes what upstream answered to the creation as the cached state (its first version, for <paramref name="reason"/>:
    /// created or charged), sparing a read; returns the state the grain holds.
    /// </summary>
    Task<TransactionSnapshot> SeedAsync(TransactionSnapshot created, string reason, CancellationToken cancellationToken = default);

    /// <summary>The journal: every mutation under its key, with its outcome and the story of how it was reached.</summary>
    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
