namespace NordeaConnect.Grains;

/// <summary>
/// An idempotency key a caller gave to a transaction's creation, keyed by that key. The first request it names is
/// kept, so the same key with another request, under another payment_ref too, is refused.
/// </summary>
public interface ITransactionCreationKeyGrain : IGrainWithStringKey
{
    /// <summary>Null when the key is new or names this same request; otherwise the refusal (<c>100.300.001</c>).</summary>
    Task<Refusal?> ClaimAsync(string paymentRef, string fingerprint, CancellationToken cancellationToken = default);
}
