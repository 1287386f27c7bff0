using System.Globalization;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("stored-card")]
internal sealed class StoredCardGrain : Grain, IStoredCardGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<StoredCardSnapshot>> _state;
    private readonly IStoredCardUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<StoredCardSnapshot>> _journal;
    private readonly IEntityChangeSink _changes;

    public StoredCardGrain(
        JournalServices journal,
        IStoredCardUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        IEntityChangeSink changes)
    {
        _changes = changes;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<StoredCardSnapshot>>(this, "stored-card", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "stored card " + Id.ToString(CultureInfo.InvariantCulture);

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private long Id => this.GetPrimaryKeyLong();

    private StoredCardSnapshot? Cached => _state.State.Entity;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public async Task<OperationResult<StoredCardSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default) =>
        Diagnostics.GrainMetrics.CacheLookup(this, CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time)) && Cached is { } cached
            ? OperationResults.Read(cached, cached.Test)
            : await RefreshAsync(cancellationToken);

    public Task<OperationResult<StoredCardSnapshot>> RefreshAsync(CancellationToken cancellationToken = default) =>
        RefreshAsync(null, cancellationToken);

    public Task<OperationResult<StoredCardSnapshot>> RefreshInLocaleAsync(string locale, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        return RefreshAsync(locale, cancellationToken);
    }

    private async Task<OperationResult<StoredCardSnapshot>> RefreshAsync(string? locale, CancellationToken cancellationToken)
    {
        try
        {
            var card = await ReadUpstreamAsync(locale, cancellationToken);
            return OperationResults.Read(card, card.Test);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, Cached);
        }
    }

    public async Task<OperationResult<StoredCardSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default)
    {
        var before = _state.State;
        var read = await RefreshAsync(cancellationToken);
        return _changes.AnnounceIfChanged(Id, _state, before, read, _time.GetUtcNow());
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<StoredCardSnapshot>> UpdateStatusAsync(string status, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default)
    {
        var target = status?.Trim().ToLowerInvariant();
        var fingerprint = new RequestFingerprint(OperationNames.UpdateStoredCardStatus).Add("stored_card_id", Id).Add("status", target).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.UpdateStoredCardStatus, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<StoredCardSnapshot>(refused, start.Key);
        }

        if (target is not (StoredCardStatus.Active or StoredCardStatus.Inactive))
        {
            return OperationResults.Refused<StoredCardSnapshot>(
                new Refusal(ResultCode.InvalidArgument, "A stored card's status is set to active or inactive (delete it to remove it), not '" + status + "'."),
                start.Key);
        }

        StoredCardSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<StoredCardSnapshot>(failure, start.Key);
        }

        if (string.Equals(current.Status, StoredCardStatus.Deleted, StringComparison.OrdinalIgnoreCase))
        {
            return OperationResults.Refused<StoredCardSnapshot>(
                new Refusal(ResultCode.StoredCardNotUsable, FormattableString.Invariant($"Stored card {Id} is deleted; its status cannot change.")),
                start.Key);
        }

        if (await _journal.RecordIntentAsync(start, new OperationDetails { TargetStatus = target }) is { } fenced)
        {
            return OperationResults.Refused<StoredCardSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var updated = await _upstream.UpdateStatusAsync(Id, target, locale, deadline.Token);
            Changed(updated, "updated");
            var outcome = StatusOutcome(updated);
            await _journal.RecordDoneAsync(start.Key, outcome);
            _changes.Changed(Id, Cached!);
            return OperationResults.From(outcome, start.Key, Cached, replayed: false);
        }
        catch (Exception failure) when (failure is NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, Cached);
        }
    }

    public async Task<OperationResult<StoredCardSnapshot>> DeleteAsync(string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = new RequestFingerprint(OperationNames.DeleteStoredCard).Add("stored_card_id", Id).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.DeleteStoredCard, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<StoredCardSnapshot>(refused, start.Key);
        }

        if (await _journal.RecordIntentAsync(start, new OperationDetails { TargetStatus = StoredCardStatus.Deleted }) is { } fenced)
        {
            return OperationResults.Refused<StoredCardSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var deleted = await _upstream.DeleteAsync(Id, locale, deadline.Token);
            Changed(deleted, "deleted");
            var outcome = StatusOutcome(deleted);
            await _journal.RecordDoneAsync(start.Key, outcome);
            _changes.Changed(Id, Cached!);
            return OperationResults.From(outcome, start.Key, Cached, replayed: false);
        }
        catch (Exception failure) when (failure is NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, Cached);
        }
    }

    public async Task<OperationResult<TransactionSnapshot>> ChargeAsync(StoredCardChargeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoredCardSnapshot card;
        try
        {
            card = await CurrentForMutationAsync(cancellationToken);
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
                card = await ReadUpstreamAsync(cancellationToken);
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
                VatAmount = request.VatAmount,
                Items = request.Items,
                SuccessUrl = request.SuccessUrl,
                ErrorUrl = request.ErrorUrl,
                TemplateId = request.TemplateId,
                Webhooks = request.Webhooks,
                Locale = request.Locale,
                StoredCardId = Id,
                Card = new CardDetails(card.Token, null, card.CardHolder, null, CardTypes.StoredCard),
            },
            cancellationToken: cancellationToken);
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        StoredCardSnapshot now;
        try
        {
            now = await ReadUpstreamAsync(cancellationToken);
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
        Cached is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken);

    private Task<StoredCardSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken) => ReadUpstreamAsync(null, cancellationToken);

    private async Task<StoredCardSnapshot> ReadUpstreamAsync(string? locale, CancellationToken cancellationToken)
    {
        var card = await _upstream.GetAsync(Id, locale, cancellationToken);
        Observe(card);
        return Cached!;
    }

    private void Observe(StoredCardSnapshot card) => _state.State = _state.State.Observed(card, _time.GetUtcNow());

    private void Changed(StoredCardSnapshot card, string reason) => _state.State = _state.State.Changed(card, _time.GetUtcNow(), reason);

    private static JournalOutcome StatusOutcome(StoredCardSnapshot card) => new()
    {
        Code = OperationResults.SuccessCode(card.Test),
        Description = FormattableString.Invariant($"Stored card {card.Id} is {card.Status}."),
    };
}
