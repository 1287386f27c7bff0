using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>What the services ask of the Subscription grains; conventions as in <see cref="ITransactionOperations"/>.</summary>
public interface ISubscriptionOperations
{
    Task<Versioned<Upstream.Subscription>> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);

    Task<Versioned<Upstream.Subscription>> UpdateAsync(long id, SubscriptionUpdate update, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="delta"/> (may be negative) to the debt, inside the subscription's turn.</summary>
    Task<Versioned<Upstream.Subscription>> AddDebtAsync(long id, decimal delta, string? idempotencyKey, CancellationToken cancellationToken);
}
