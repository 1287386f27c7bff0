using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("stored-card")]
internal sealed class StoredCardGrain(
    [PersistentState("stored-card")] IPersistentState<CachedEntityState<StoredCardSnapshot>> state,
    IStoredCardUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<StoredCardGrain> logger)
    : CachedEntityGrain<CachedEntityState<StoredCardSnapshot>, StoredCardSnapshot>("stored card", state, options, time, logger), IStoredCardGrain
{
    public Task<OperationResult<StoredCardSnapshot>> UpdateStatusAsync(string status, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var target = status?.Trim().ToLowerInvariant();
        return Keeper.RunAsync(
            new JournaledOperation<StoredCardSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.UpdateStoredCardStatus,
                Fingerprint = new RequestFingerprint(OperationNames.UpdateStoredCardStatus).Add("stored_card_id", Id).Add("status", target).Compute(),
                CheckAsync = async token =>
                {
                    if (target is not (StoredCardStatus.Active or StoredCardStatus.Inactive))
                    {
                        return new Refusal(ResultCode.InvalidArgument, "A stored card's status is set to active or inactive (delete it to remove it), not '" + status + "'.");
                    }

                    var current = await CurrentForMutationAsync(token).ConfigureAwait(false);
                    return string.Equals(current.Status, StoredCardStatus.Deleted, StringComparison.OrdinalIgnoreCase)
                        ? new Refusal(ResultCode.StoredCardNotUsable, FormattableString.Invariant($"Stored card {Id} is deleted; its status cannot change."))
                        : null;
                },
                Details = () => new OperationDetails { TargetStatus = target },
                SendAsync = async token =>
                {
                    var updated = await upstream.UpdateStatusAsync(Id, target!, token).ConfigureAwait(false);
                    Observe(updated);
                    return (StatusOutcome(updated), updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);
    }

    public Task<OperationResult<StoredCardSnapshot>> DeleteAsync(string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<StoredCardSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.DeleteStoredCard,
                Fingerprint = new RequestFingerprint(OperationNames.DeleteStoredCard).Add("stored_card_id", Id).Compute(),
                Details = () => new OperationDetails { TargetStatus = StoredCardStatus.Deleted },
                SendAsync = async token =>
                {
                    var deleted = await upstream.DeleteAsync(Id, token).ConfigureAwait(false);
                    Observe(deleted);
                    return (StatusOutcome(deleted), deleted);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);

    public async Task<OperationResult<TransactionSnapshot>> ChargeAsync(StoredCardChargeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoredCardSnapshot card;
        try
        {
            card = await CurrentForMutationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<TransactionSnapshot>(failure, string.Empty);
        }

        if (StoredCardUsability.Check(card, Time.GetUtcNow()) is { } unusable)
        {
            return OperationResults.Refused<TransactionSnapshot>(unusable, string.Empty);
        }

        if (string.IsNullOrEmpty(card.Token))
        {
            // A state written before tokens were kept, or a card upstream sent without one: ask upstream once more.
            try
            {
                card = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NordeaConnectException failure)
            {
                return OperationResults.Failed<TransactionSnapshot>(failure, string.Empty);
            }
        }

        if (string.IsNullOrEmpty(card.Token))
        {
            return OperationResults.Refused<TransactionSnapshot>(new Refusal(ResultCode.StoredCardNotUsable, FormattableString.Invariant($"Stored card {Id} has no token upstream.")), string.Empty);
        }

        // The creation grain journals the payment under its payment_ref; the token goes upstream as the card number.
        return await GrainFactory.GetGrain<ITransactionCreationGrain>(request.PaymentRef.Value).CreateAsync(
            new TransactionCreateRequest
            {
                Amount = request.Amount,
                Currency = request.Currency,
                CustomerRef = request.CustomerRef ?? card.CustomerRef,
                Test = request.Test,
                Authorize = request.Authorize,
                Metadata = request.Metadata,
                StoredCardId = Id,
                Card = new CardDetails(card.Token, null, card.CardHolder, null, CardTypes.StoredCard),
            },
            cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        StoredCardSnapshot now;
        try
        {
            now = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NordeaConnectException gone) when (entry.Operation == OperationNames.DeleteStoredCard && gone.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return ReconciliationVerdict.Done(
                new JournalOutcome { Code = ResultCode.Success, Description = FormattableString.Invariant($"Stored card {Id} deleted.") },
                "upstream no longer knows the card, so the delete was carried out.");
        }

        return string.Equals(now.Status, entry.Details.TargetStatus, StringComparison.OrdinalIgnoreCase)
            ? ReconciliationVerdict.Done(StatusOutcome(now), "the card is " + now.Status + " upstream, the status the call set, so it was carried out.")
            : ReconciliationVerdict.NotDone("the card is " + now.Status + " upstream, not " + entry.Details.TargetStatus + ", so the call was not carried out.");
    }

    protected override Task<StoredCardSnapshot> FetchAsync(long id, CancellationToken cancellationToken) =>
        upstream.GetAsync(id, cancellationToken);

    protected override bool IsTest(StoredCardSnapshot entity) => entity.Test;

    private static JournalOutcome StatusOutcome(StoredCardSnapshot card) => new()
    {
        Code = OperationResults.SuccessCode(card.Test),
        Description = FormattableString.Invariant($"Stored card {card.Id} is {card.Status}."),
    };
}
