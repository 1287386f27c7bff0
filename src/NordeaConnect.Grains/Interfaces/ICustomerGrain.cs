using System.Text.Json;
using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains;

/// <summary>One customer, keyed by its upstream id.</summary>
public interface ICustomerGrain : IGrainWithIntegerKey
{
    Task<OperationResult<CustomerSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    Task<OperationResult<CustomerSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);

    Task<OperationResult<CustomerSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>Deep-merges <paramref name="metadata"/> into the customer's (upstream's PUT replaces it; the merge happens here).</summary>
    [ExclusiveTurn]
    Task<OperationResult<CustomerSnapshot>> UpdateMetadataAsync(JsonElement metadata, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>The customer's transactions, read from upstream.</summary>
    Task<OperationResult<IReadOnlyList<TransactionSnapshot>>> GetTransactionsAsync(CancellationToken cancellationToken = default);

    Task<OperationResult<IReadOnlyList<StoredCardSnapshot>>> GetStoredCardsAsync(CancellationToken cancellationToken = default);

    Task<OperationResult<IReadOnlyList<SubscriptionSnapshot>>> GetSubscriptionsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
