using Orleans.Concurrency;

namespace NordeaConnect.Grains;

/// <summary>One subscription, keyed by its upstream id.</summary>
public interface ISubscriptionGrain : IGrainWithIntegerKey
{
    Task<OperationResult<SubscriptionSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default);

    Task<OperationResult<SubscriptionSnapshot>> RefreshAsync(CancellationToken cancellationToken = default);

    /// <summary>Upstream changed the subscription (a webhook arrived, the billing engine charged it); read it again.
    /// A state that differs from the one held is counted and announced as a "webhook" change; <c>Replayed</c> says
    /// upstream showed nothing new.
    /// </summary>
    Task<OperationResult<SubscriptionSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default);

    /// <summary>Plan, status, quantity, stored card and items are set as given; metadata is deep-merged.</summary>
    Task<OperationResult<SubscriptionSnapshot>> UpdateAsync(SubscriptionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="delta"/> (negative: a discount) to the debt charged with the next payment. The REST API
    /// only sets debt, so this reads the current debt and writes the sum inside one exclusive turn.
    /// </summary>
    Task<OperationResult<SubscriptionSnapshot>> AddDebtAsync(decimal delta, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    [ReadOnly]
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default);
}
