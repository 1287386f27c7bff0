using Upstream = NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Operations;

/// <summary>
/// What the Transactions service asks of the transaction grains. Refusals throw
/// <see cref="Results.GatewayRefusalException"/>; upstream failures throw <see cref="Upstream.NordeaConnectException"/>.
/// <paramref name="idempotencyKey"/> is the caller's <c>idempotency-key</c> metadata, or null to have one generated.
/// </summary>
public interface ITransactionOperations
{
    /// <summary>Keyed by payment_ref: the same payment_ref always yields the same transaction.</summary>
    Task<TransactionView> CreateAsync(TransactionCreation creation, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>From the grain's cache while younger than <paramref name="maxStaleness"/> (null: the default bound).</summary>
    Task<TransactionView> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);

    Task<TransactionView> UpdateAsync(long id, TransactionUpdate update, string? idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Captures <paramref name="amount"/>, or the whole authorized amount when null.</summary>
    Task<TransactionView> CaptureAsync(long id, Amount? amount, string? locale, string? idempotencyKey, CancellationToken cancellationToken);

    Task<Upstream.Refund> RefundAsync(long id, Amount amount, string? reason, string? locale, string? idempotencyKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<Upstream.Refund>> ListRefundsAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken);
}
