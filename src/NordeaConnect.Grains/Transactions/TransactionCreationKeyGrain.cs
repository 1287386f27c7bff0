using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction-creation-key")]
internal sealed class TransactionCreationKeyGrain : Grain, ITransactionCreationKeyGrain
{
    private readonly IPersistentState<TransactionCreationKeyClaim> _state;

    public TransactionCreationKeyGrain([PersistentState("creation-key", PaymentGrainsStorage.Name)] IPersistentState<TransactionCreationKeyClaim> state) =>
        _state = state;

    public async Task<Refusal?> ClaimAsync(string paymentRef, string fingerprint, CancellationToken cancellationToken = default)
    {
        if (_state.State.PaymentRef is null)
        {
            _state.State = new TransactionCreationKeyClaim { PaymentRef = paymentRef, Fingerprint = fingerprint };
            await _state.WriteStateAsync(cancellationToken);
            return null;
        }

        return _state.State.PaymentRef == paymentRef && _state.State.Fingerprint == fingerprint
            ? null
            : new Refusal(
                ResultCode.IdempotencyKeyReused,
                $"Idempotency key '{this.GetPrimaryKeyString()}' was already used for a different transaction creation; use a new key for a new request.");
    }
}

/// <summary>The request a creation's idempotency key was first used for: its payment_ref and request fingerprint.</summary>
internal sealed record TransactionCreationKeyClaim
{
    public string? PaymentRef { get; init; }

    public string? Fingerprint { get; init; }
}
