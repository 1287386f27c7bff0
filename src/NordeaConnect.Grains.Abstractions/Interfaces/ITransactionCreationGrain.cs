using Orleans.Concurrency;

namespace NordeaConnect.Grains;

/// <summary>
/// Creates the one transaction of an order, keyed by its payment_ref: the same order submitted twice, at once or
/// later, creates one transaction and every caller gets it. Another request under the same payment_ref is refused,
/// unless the earlier attempt was refused upstream (a declined card may be tried again with another).
/// </summary>
public interface ITransactionCreationGrain : IGrainWithStringKey
{
    /// <param name="idempotencyKey">
    /// The caller's own key, if it sent one: the same key with the same request answers the same, with another request
    /// (another payment_ref included) it is refused with <c>100.300.001</c>.
    /// </param>
    Task<OperationResult<TransactionSnapshot>> CreateAsync(TransactionCreateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>The transaction this payment_ref created, if any.</summary>
    [ReadOnly]
    Task<long?> GetTransactionIdAsync(CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
