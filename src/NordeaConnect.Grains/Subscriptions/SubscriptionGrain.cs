using System.Globalization;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("subscription")]
internal sealed class SubscriptionGrain : Grain, ISubscriptionGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<SubscriptionSnapshot>> _state;
    private readonly ISubscriptionUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<SubscriptionSnapshot>> _journal;
    private readonly IEntityChangeSink _changes;

    public SubscriptionGrain(
        JournalServices journal,
        ISubscriptionUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        IEntityChangeSink changes)
    {
        _changes = changes;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<SubscriptionSnapshot>>(this, "subscription", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "subscription " + Id.ToString(CultureInfo.InvariantCulture);

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private long Id => this.GetPrimaryKeyLong();

    private SubscriptionSnapshot? Cached => _state.State.Entity;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public async Task<OperationResult<SubscriptionSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default) =>
        Diagnostics.GrainMetrics.CacheLookup(this, CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time)) && Cached is { } cached
            ? OperationResults.Read(cached, test: false)
            : await RefreshAsync(cancellationToken);

    public async Task<OperationResult<SubscriptionSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return OperationResults.Read(await ReadUpstreamAsync(cancellationToken), test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, Cached);
        }
    }

    public async Task<OperationResult<SubscriptionSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default)
    {
        var before = _state.State;
        var read = await RefreshAsync(cancellationToken);
        return _changes.AnnounceIfChanged(Id, _state, before, read, _time.GetUtcNow());
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<SubscriptionSnapshot>> AddDebtAsync(decimal delta, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        // The delta, not the resulting debt: a retry must be recognised as the same request whatever the debt is now.
        var fingerprint = new RequestFingerprint(OperationNames.AddDebt).Add("subscription_id", Id).Add("delta", delta).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.AddDebt, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(refused, start.Key);
        }

        if (SubscriptionDebt.CheckDelta(delta) is { } invalid)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(invalid, start.Key);
        }

        // Always read: the billing engine consumes debt on its own schedule, so no cached debt is safe to add to.
        SubscriptionSnapshot current;
        try
        {
            current = await ReadUpstreamAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<SubscriptionSnapshot>(failure, start.Key);
        }

        var before = current.Debt;
        var (target, refusal) = SubscriptionDebt.Add(before, delta);
        if (refusal is not null)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(refusal, start.Key);
        }

        if (await _journal.RecordIntentAsync(start, new OperationDetails { DebtBefore = before, DebtTarget = target }) is { } fenced)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var updated = await _upstream.UpdateAsync(Id, new SubscriptionChange { Debt = target }, deadline.Token);
            Changed(updated, "updated");
            var outcome = SubscriptionReconciliation.DebtOutcome(updated, before, target);
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

    public async Task<OperationResult<SubscriptionSnapshot>> UpdateAsync(SubscriptionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = new RequestFingerprint(OperationNames.UpdateSubscription)
            .Add("subscription_id", Id)
            .Add("plan_id", request.PlanId)
            .Add("status", request.Status)
            .Add("quantity", request.Quantity)
            .Add("metadata", request.Metadata)
            .Add("stored_card_id", request.StoredCardId)
            .Add("items", request.Items)
            .Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.UpdateSubscription, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(refused, start.Key);
        }

        if (Check(request) is { } invalid)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(invalid, start.Key);
        }

        SubscriptionSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<SubscriptionSnapshot>(failure, start.Key);
        }

        // Metadata is merged here: upstream's PUT replaces it.
        var change = new SubscriptionChange
        {
            PlanId = request.PlanId,
            Status = request.Status?.ToLowerInvariant(),
            Quantity = request.Quantity,
            Metadata = request.Metadata is { } patch ? MetadataMerge.Merge(current.Metadata, patch) : null,
            StoredCardId = request.StoredCardId,
            Items = request.Items,
        };
        var details = new OperationDetails
        {
            PlanId = change.PlanId,
            TargetStatus = change.Status,
            Quantity = change.Quantity,
            StoredCardId = change.StoredCardId,
            Metadata = change.Metadata,
        };
        if (await _journal.RecordIntentAsync(start, details) is { } fenced)
        {
            return OperationResults.Refused<SubscriptionSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var updated = await _upstream.UpdateAsync(Id, change, deadline.Token);
            Changed(updated, "updated");
            var outcome = new JournalOutcome { Code = ResultCode.Success, Description = "Subscription updated; it is " + updated.Status + "." };
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

    private static Refusal? Check(SubscriptionUpdateRequest request)
    {
        if (request.Status is { } status && !status.Equals("active", StringComparison.OrdinalIgnoreCase) && !status.Equals("cancelled", StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(ResultCode.InvalidArgument, "A subscription's status is active or cancelled, not '" + status + "'.");
        }

        if (request.Quantity is < 1)
        {
            return new Refusal(ResultCode.InvalidArgument, "A subscription's quantity is at least 1.");
        }

        if (request.Metadata is { ValueKind: not System.Text.Json.JsonValueKind.Object })
        {
            return new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.");
        }

        return request is { PlanId: null, Status: null, Quantity: null, Metadata: null, StoredCardId: null, Items: null }
            ? new Refusal(ResultCode.InvalidArgument, "A subscription update must change at least one field.")
            : null;
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var now = await ReadUpstreamAsync(cancellationToken);
        return entry.Operation switch
        {
            OperationNames.AddDebt => SubscriptionReconciliation.AddDebt(entry, now),
            OperationNames.UpdateSubscription => SubscriptionReconciliation.Update(entry, now),
            _ => throw new InvalidOperationException($"A subscription grain does not journal {entry.Operation} operations."),
        };
    }

    private async Task<SubscriptionSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken) =>
        Cached is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken);

    private async Task<SubscriptionSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken)
    {
        var subscription = await _upstream.GetAsync(Id, cancellationToken);
        Observe(subscription);
        return Cached!;
    }

    private void Observe(SubscriptionSnapshot subscription) => _state.State = _state.State.Observed(subscription, _time.GetUtcNow());

    private void Changed(SubscriptionSnapshot subscription, string reason) => _state.State = _state.State.Changed(subscription, _time.GetUtcNow(), reason);
}
