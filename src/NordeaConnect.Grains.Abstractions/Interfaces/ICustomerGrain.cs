using Orleans.Concurrency;
using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>One customer, keyed by its upstream id.</summary>
public interface ICustomerGrain : IGrainWithIntegerKey
{
    Task<OperationResult<CustomerSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    Task<OperationResult<CustomerSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);

    Task<OperationResult<CustomerSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>Deep-merges <paramref name="metadata"/> into the customer's (upstream's PUT replaces it; the merge happens here).</summary>
    Task<OperationResult<CustomerSnapshot>> UpdateMetadataAsync(JsonElement metadata, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>The customer's transactions, read from upstream.</summary>
    [ReadOnly]
    Task<OperationResult<IReadOnlyList<TransactionSnapshot>>> GetTransactionsAsync(CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<OperationResult<IReadOnlyList<StoredCardSnapshot>>> GetStoredCardsAsync(CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<OperationResult<IReadOnlyList<SubscriptionSnapshot>>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
