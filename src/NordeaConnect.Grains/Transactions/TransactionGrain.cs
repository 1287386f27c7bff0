using System.Globalization;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction")]
internal sealed class TransactionGrain : Grain, ITransactionGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<TransactionSnapshot>> _state;
    private readonly ITransactionUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<TransactionSnapshot>> _journal;
    private readonly IEntityChangeSink _changes;

    public TransactionGrain(
        JournalServices journal,
        ITransactionUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        IEntityChangeSink changes)
    {
        _changes = changes;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<TransactionSnapshot>>(this, "transaction", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "transaction " + Id.ToString(CultureInfo.InvariantCulture);

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private long Id => this.GetPrimaryKeyLong();

    private TransactionSnapshot? Cached => _state.State.Entity;

    // An operation left in doubt by a crash or a lost answer is settled before any call runs.
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public async Task<OperationResult<TransactionSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default) =>
        Diagnostics.GrainMetrics.CacheLookup(this, CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time)) && Cached is { } cached
            ? OperationResults.Read(cached, cached.Test)
            : await RefreshAsync(cancellationToken);

    public Task<OperationResult<TransactionSnapshot>> RefreshAsync(CancellationToken cancellationToken = default) =>
        RefreshAsync(null, cancellationToken);

    public Task<OperationResult<TransactionSnapshot>> RefreshInLocaleAsync(string locale, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        return RefreshAsync(locale, cancellationToken);
    }

    private async Task<OperationResult<TransactionSnapshot>> RefreshAsync(string? locale, CancellationToken cancellationToken)
    {
        try
        {
            var transaction = await ReadUpstreamAsync(locale, cancellationToken);
            return OperationResults.Read(transaction, transaction.Test);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, Cached);
        }
    }

    public async Task<OperationResult<TransactionSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default)
    {
        var before = _state.State;
        var read = await RefreshAsync(cancellationToken);
        return _changes.AnnounceIfChanged(Id, _state, before, read, _time.GetUtcNow());
    }

    public async Task<OperationResult<IReadOnlyList<RefundSnapshot>>> GetRefundsAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        var transaction = await GetAsync(maxStaleness, cancellationToken);
        return new OperationResult<IReadOnlyList<RefundSnapshot>>
        {
            Code = transaction.Code,
            Description = transaction.Description,
            UpstreamError = transaction.UpstreamError,
            IdempotencyKey = string.Empty,
            Value = transaction.Value?.Refunds,
        };
    }

    public Task<TransactionSnapshot> SeedAsync(TransactionSnapshot created, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (created.Id != Id)
        {
            throw new ArgumentException($"Transaction {created.Id} cannot seed the grain of transaction {Id}.", nameof(created));
        }

        if (Cached is null)
        {
            _state.State = _state.State.Changed(created, _time.GetUtcNow(), reason);
        }

        return Task.FromResult(Cached!);
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<TransactionSnapshot>> CaptureAsync(Amount? amount, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = new RequestFingerprint(OperationNames.Capture).Add("transaction_id", Id).Add("amount", amount).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.Capture, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<TransactionSnapshot>(refused, start.Key);
        }

        // Check: the cached money ledger refuses what cannot succeed, without an upstream call.
        TransactionSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<TransactionSnapshot>(failure, start.Key);
        }

        // No amount captures everything authorized: while authorized, what is reserved is what may be captured.
        var ledger = TransactionLedger.From(current);
        var toCapture = amount ?? (ledger.State == TransactionState.Authorized ? ledger.Authorized : current.Amount);
        if (ledger.CheckCapture(toCapture) is { } refusal)
        {
            return OperationResults.Refused<TransactionSnapshot>(refusal, start.Key);
        }

        // Intent, then the call, then the outcome.
        if (await _journal.RecordIntentAsync(start, new OperationDetails { Amount = toCapture, StatusBefore = current.Status }) is { } fenced)
        {
            return OperationResults.Refused<TransactionSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var captured = await _upstream.CaptureAsync(Id, toCapture, locale, deadline.Token);
            Changed(captured, "captured");
            var outcome = CaptureOutcome(captured, toCapture);
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

    public async Task<OperationResult<RefundSnapshot>> RefundAsync(Amount amount, string reason, string? idempotencyKey = null, string? locale = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = new RequestFingerprint(OperationNames.Refund).Add("transaction_id", Id).Add("amount", amount).Add("reason", reason).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.Refund, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, RecordedRefund(recorded), replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<RefundSnapshot>(refused, start.Key);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResults.Refused<RefundSnapshot>(new Refusal(ResultCode.InvalidArgument, "A refund needs a reason; upstream requires one."), start.Key);
        }

        TransactionSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<RefundSnapshot>(failure, start.Key);
        }

        if (TransactionLedger.From(current).CheckRefund(amount) is { } refusal)
        {
            return OperationResults.Refused<RefundSnapshot>(refusal, start.Key);
        }

        // The refunds known now tell a new refund with the same amount and reason apart from an older, equal one.
        var details = new OperationDetails { Amount = amount, Reason = reason, KnownEntityIds = [.. current.Refunds.Select(refund => refund.Id)] };
        if (await _journal.RecordIntentAsync(start, details) is { } fenced)
        {
            return OperationResults.Refused<RefundSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var refund = await _upstream.RefundAsync(Id, amount, reason, locale, deadline.Token);
            AddRefund(refund);
            var outcome = TransactionReconciliation.RefundOutcome(refund, current.Test);
            await _journal.RecordDoneAsync(start.Key, outcome);
            // Watchers of the transaction see the refund as a change of the transaction.
            _changes.Changed(Id, Cached!);
            return OperationResults.From(outcome, start.Key, refund, replayed: false);
        }
        catch (Exception failure) when (failure is NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, RecordedRefund(settled));
        }
    }

    public async Task<OperationResult<TransactionSnapshot>> UpdateAsync(TransactionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = new RequestFingerprint(OperationNames.UpdateTransaction)
            .Add("transaction_id", Id)
            .Add("metadata", request.Metadata)
            .Add("card", request.Card)
            .Add("process", request.Process)
            .Add("amount", request.Amount)
            .Add("vat_amount", request.VatAmount)
            .Add("currency", request.Currency)
            .Add("customer_ref", request.CustomerRef)
            .Add("items", request.Items)
            .Add("encrypted", request.Encrypted)
            .Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.UpdateTransaction, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<TransactionSnapshot>(refused, start.Key);
        }

        if (request.Metadata is { ValueKind: not System.Text.Json.JsonValueKind.Object })
        {
            return OperationResults.Refused<TransactionSnapshot>(new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object."), start.Key);
        }

        TransactionSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<TransactionSnapshot>(failure, start.Key);
        }

        if (request.Card is not null && TransactionLedger.From(current).CheckCardDetails() is { } locked)
        {
            return OperationResults.Refused<TransactionSnapshot>(locked, start.Key);
        }

        // Metadata is merged here (upstream's PUT replaces it); an approved transaction's metadata changes only with process=false.
        var outgoing = request with
        {
            Metadata = request.Metadata is { } patch ? MetadataMerge.Merge(current.Metadata, patch) : null,
            Process = request.Process ?? (current.State == TransactionState.Approved && request.Card is null ? false : null),
        };
        if (await _journal.RecordIntentAsync(start, new OperationDetails { Metadata = outgoing.Metadata, StatusBefore = current.Status }) is { } fenced)
        {
            return OperationResults.Refused<TransactionSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var updated = await _upstream.UpdateAsync(Id, outgoing, deadline.Token);
            Changed(updated, "updated");
            var outcome = new JournalOutcome { Code = OperationResults.SuccessCode(updated.Test), Description = "Transaction updated; it is " + updated.Status + "." };
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

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var transaction = await ReadUpstreamAsync(cancellationToken);
        return entry.Operation switch
        {
            OperationNames.Capture => TransactionReconciliation.Capture(entry, transaction),
            OperationNames.Refund => TransactionReconciliation.Refund(entry, transaction, _state.State.Journal),
            OperationNames.UpdateTransaction => TransactionReconciliation.Update(entry, transaction),
            _ => throw new InvalidOperationException($"A transaction grain does not journal {entry.Operation} operations."),
        };
    }

    /// <summary>The cached transaction if younger than the mutation bound, else a fresh read: a mutation is checked against this.</summary>
    private async Task<TransactionSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken) =>
        Cached is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken);

    private Task<TransactionSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken) => ReadUpstreamAsync(null, cancellationToken);

    private async Task<TransactionSnapshot> ReadUpstreamAsync(string? locale, CancellationToken cancellationToken)
    {
        var transaction = await _upstream.GetAsync(Id, locale, cancellationToken);
        Observe(transaction);
        return Cached!;
    }

    private void Observe(TransactionSnapshot transaction) => _state.State = _state.State.Observed(transaction, _time.GetUtcNow());

    private void Changed(TransactionSnapshot transaction, string reason) => _state.State = _state.State.Changed(transaction, _time.GetUtcNow(), reason);

    private void AddRefund(RefundSnapshot refund)
    {
        if (Cached is { } transaction && !transaction.Refunds.Exists(known => known.Id == refund.Id))
        {
            Changed(transaction with { Refunds = transaction.Refunds.Add(refund) }, "refunded");
        }
    }

    private RefundSnapshot? RecordedRefund(JournalEntry entry)
    {
        if (entry.Outcome?.EntityId is not { } refundId)
        {
            return null;
        }

        return Cached?.Refunds.Find(refund => refund.Id == refundId)
            ?? new RefundSnapshot { Id = refundId, TransactionId = Id, Amount = entry.Details.Amount ?? Amount.Zero, Reason = entry.Details.Reason };
    }

    private static JournalOutcome CaptureOutcome(TransactionSnapshot captured, Amount amount) => new()
    {
        Code = OperationResults.SuccessCode(captured.Test),
        Description = FormattableString.Invariant($"Captured {amount} of transaction {captured.Id}; it is {captured.Status}."),
    };
}
