using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("stored-card")]
internal sealed class StoredCardGrain : Grain, IStoredCardGrain
{
    private readonly IPersistentState<CachedEntityState<StoredCardSnapshot>> _state;
    private readonly IStoredCardUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StoredCardGrain> _logger;
    private JournalKeeper<CachedEntityState<StoredCardSnapshot>>? _keeper;

    public StoredCardGrain(
        [PersistentState("stored-card")] IPersistentState<CachedEntityState<StoredCardSnapshot>> state,
        IStoredCardUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        ILogger<StoredCardGrain> logger)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private long Id => this.GetPrimaryKeyLong();

    private JournalKeeper<CachedEntityState<StoredCardSnapshot>> Keeper =>
        _keeper ??= new JournalKeeper<CachedEntityState<StoredCardSnapshot>>(_state, ReconcileAsync, _time, _options.Journal, _logger, "stored card " + Id.ToString(CultureInfo.InvariantCulture));

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);

    public async Task<OperationResult<StoredCardSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        if (_state.State.Entity is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time))
        {
            return OperationResults.Read(cached, cached.Test);
        }

        return await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperationResult<StoredCardSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var card = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
            return OperationResults.Read(card, card.Test);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, _state.State.Entity);
        }
    }

    public Task<OperationResult<StoredCardSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default) => RefreshAsync(cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

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
                    var updated = await _upstream.UpdateStatusAsync(Id, target!, token).ConfigureAwait(false);
                    Observe(updated);
                    return (StatusOutcome(updated), updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Entity),
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
                    var deleted = await _upstream.DeleteAsync(Id, token).ConfigureAwait(false);
                    Observe(deleted);
                    return (StatusOutcome(deleted), deleted);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Entity),
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

        if (StoredCardUsability.Check(card, _time.GetUtcNow()) is { } unusable)
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

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
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

    private async Task<StoredCardSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken) =>
        _state.State.Entity is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);

    private async Task<StoredCardSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken)
    {
        var card = await _upstream.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        Observe(card);
        return card;
    }

    private void Observe(StoredCardSnapshot card) =>
        _state.State = _state.State with { Entity = card, RefreshedAt = _time.GetUtcNow() };

    private static JournalOutcome StatusOutcome(StoredCardSnapshot card) => new()
    {
        Code = OperationResults.SuccessCode(card.Test),
        Description = FormattableString.Invariant($"Stored card {card.Id} is {card.Status}."),
    };
}
