using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Primitives;
using Orleans.Storage;

namespace NordeaConnect.Grains;

/// <summary>
/// The operation journal in a grain's persistent state, and the writes a mutation makes around its upstream call:
/// <see cref="BeginAsync"/> (settle doubt, resolve the key, replay or refuse), <see cref="RecordIntentAsync"/>,
/// then <see cref="RecordDoneAsync"/> or <see cref="RecordFailureAsync"/>. Every write is conditional on the state's
/// ETag, so a second activation of the grain (possible while membership settles after a node failure) fails its
/// intent write, sends nothing, and deactivates. A grain with an entry in doubt holds a reminder until it is settled.
/// It is also the grain's stored state (one object per activation rather than two: the grain holds it as its state too).
/// </summary>
internal sealed class JournalKeeper<TState> : StoredGrainState<TState>
    where TState : class, IJournaledState<TState>, new()
{
    /// <summary>The reminder a grain holds while an entry is in doubt.</summary>
    public const string ReminderName = "settle-journal";

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private bool _reminderHeld;
    private bool _lookedForReminder;

    /// <param name="grain">The grain: it reconciles an entry in doubt by reading upstream, and names itself in log lines.</param>
    /// <param name="stateName">The name of the grain's state in the payment grains' storage.</param>
    public JournalKeeper(IJournalOwner grain, string stateName, JournalServices services)
        : base(stateName, grain, services)
    {
    }

    private IJournalOwner Owner => (IJournalOwner)Grain;

    public OperationJournal Journal => State.Journal;

    private DateTimeOffset Now => Services.Time.GetUtcNow();

    /// <summary>At activation: loads the state, then settles what a crash or a lost answer left in doubt.</summary>
    public async Task ActivateAsync(CancellationToken cancellationToken)
    {
        await ReadStateAsync(cancellationToken);
        Loaded(State.Compacted());
        // Counted before they are settled: a survivor taking over a crashed node's grains shows their doubt, however briefly.
        Diagnostics.GrainMetrics.FoundInDoubtAtActivation(Owner, Journal.AwaitingReconciliation.Select(static entry => entry.StartedAt).ToArray());
        await SettleAsync(cancellationToken);
    }

    /// <summary>
    /// At deactivation: saves what reads cached since the last write (so the next activation starts from it), and
    /// drops the reminder when nothing is in doubt. A lost ETag race here only means another activation wrote later.
    /// </summary>
    public async Task DeactivateAsync()
    {
        if (ChangedSinceSaved)
        {
            try
            {
                await WriteStateAsync(CancellationToken.None);
            }
            catch (InconsistentStateException)
            {
                // The newer state wins; a cache is only a cache.
            }
        }

        await ReleaseReminderAsync();
    }

    /// <summary>
    /// Reconciles every entry in doubt; true when none is left. Called at activation, by the reminder, and before every
    /// mutation. An entry is never judged not done before its deadline: its call may still be in flight elsewhere.
    /// </summary>
    public async Task<bool> SettleAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Journal.AwaitingReconciliation.ToList())
        {
            await ReconcileAsync(entry.Key, judgeBeforeDeadline: false, cancellationToken);
        }

        var settled = !Journal.AwaitingReconciliation.Any();
        Diagnostics.GrainMetrics.InDoubtNow(Owner, Journal.AwaitingReconciliation.Select(static entry => entry.StartedAt));
        if (settled)
        {
            await ReleaseReminderAsync();
        }
        else
        {
            await HoldReminderAsync();
        }

        return settled;
    }

    /// <summary>
    /// The first step of a mutation: settle what is in doubt, then resolve the key. The answer either ends the call
    /// (a replay of the recorded outcome, or a refusal) or lets it go on under <see cref="JournalStart.Key"/>.
    /// </summary>
    public async Task<JournalStart> BeginAsync(string? idempotencyKey, string operation, string fingerprint, bool replaceFailed, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.TryResolve(idempotencyKey, out var key, out var malformed))
        {
            return JournalStart.Refuse(idempotencyKey ?? string.Empty, malformed);
        }

        // An operation in doubt must be settled first, or a new one could repeat or exceed it.
        if (!await SettleAsync(cancellationToken))
        {
            var waiting = Journal.AwaitingReconciliation.First();
            return JournalStart.Refuse(key, new Refusal(
                ResultCode.OutcomeUnknown,
                $"Operation {waiting.Operation} under key '{waiting.Key}' is still in doubt and cannot be settled yet; nothing new is sent until it is. Retry later."));
        }

        var lookup = Journal.Lookup(key, fingerprint);
        return lookup.Kind switch
        {
            JournalLookupKind.Replay => JournalStart.Replay(key, lookup.Entry!),
            JournalLookupKind.KeyReused when !(replaceFailed && lookup.Entry!.Status is JournalStatus.Failed or JournalStatus.NotDone) => JournalStart.Refuse(key, new Refusal(
                ResultCode.IdempotencyKeyReused,
                $"Idempotency key '{key}' was already used for a different {lookup.Entry!.Operation} request; use a new key for a new request.")),
            _ => JournalStart.Proceed(key, operation, fingerprint, lookup.Kind == JournalLookupKind.New, replaceFailed),
        };
    }

    /// <summary>
    /// Writes the intent, with its deadline, before the upstream call. Null when written; a refusal when another
    /// activation wrote the state first (the ETag fence): then nothing may be sent, and this activation deactivates so
    /// the next call reaches the live one.
    /// </summary>
    public async Task<Refusal?> RecordIntentAsync(JournalStart start, OperationDetails details)
    {
        ArgumentNullException.ThrowIfNull(start);
        var now = Now;
        var intent = new JournalEntry
        {
            Key = start.Key,
            Operation = start.Operation,
            Fingerprint = start.Fingerprint,
            Status = JournalStatus.Intent,
            StartedAt = now,
            Deadline = now + Services.Options.UpstreamCallTimeout,
            Details = details,
            Caller = Orleans.Runtime.RequestContext.Get(JournalEntry.CallerRequestContextKey) as string,
            Notes = [new JournalNote(now, start.IsNew ? "Intent recorded." : "Intent recorded again: the earlier attempt was not carried out.")],
        };
        await HoldReminderAsync();
        try
        {
            await SaveAsync(Journal.Begin(intent, start.ReplaceFailed).Trim(Services.Options.Journal, now));
            return null;
        }
        catch (InconsistentStateException fenced)
        {
            Logger.LogWarning(
                "Intent of {Operation} under key {IdempotencyKey} of {Grain} lost the ETag race ({Message}); another activation holds the grain, so nothing is sent and this one deactivates",
                start.Operation, start.Key, Owner.JournalSubject, fenced.Message);
            Owner.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "A second activation lost the journal's ETag race."));
            return new Refusal(
                ResultCode.UpstreamUnavailable,
                "Another node holds this entity right now; nothing was sent upstream. Retry with the same idempotency key.");
        }
        catch (Exception)
        {
            // Whether the write landed is unknown; nothing was sent. A fresh activation re-reads the state and, should
            // the intent be there, settles it after its deadline.
            Owner.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The journal's intent write failed."));
            throw;
        }
    }

    /// <summary>A cancellation source that ends the upstream call at the intent's deadline (or when the caller gives up).</summary>
    public CancellationTokenSource UpstreamCallDeadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Services.Options.UpstreamCallTimeout);
        return deadline;
    }

    public Task RecordDoneAsync(string key, JournalOutcome outcome) =>
        CompleteAsync(key, JournalStatus.Done, outcome, "Upstream answered: " + outcome.Description);

    /// <summary>
    /// Records how the upstream call failed and returns the entry as it then stands: Failed (upstream refused),
    /// NotDone (upstream unreachable, nothing carried out), or, for an unknown outcome, whatever reconciliation finds
    /// at once (Done, NotDone, or still Unknown).
    /// </summary>
    public async Task<JournalEntry> RecordFailureAsync(string key, Exception failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        switch (failure)
        {
            case NordeaConnectOutcomeUnknownException or OperationCanceledException:
                var reason = failure is NordeaConnectException known ? known.ResultCode.Value : "cancelled at the deadline or by the caller";
                Logger.LogWarning("Outcome of the call under key {IdempotencyKey} of {Grain} is unknown ({Reason}); reconciling", key, Owner.JournalSubject, reason);
                await SaveAsync(Journal.Update(key, entry => entry.WithNote(Now, "Outcome unknown: " + failure.Message) with { Status = JournalStatus.Unknown }));
                // This activation's own call has ended, so upstream may be judged now; a caller that gave up leaves it to the reminder.
                return cancellationToken.IsCancellationRequested
                    ? Journal.Find(key)!
                    : await ReconcileAsync(key, judgeBeforeDeadline: true, cancellationToken);
            case NordeaConnectException { ResultCode.Kind: ResultCodeKind.SystemTrouble } unreachable:
                // Not an unknown outcome: the client says so only when nothing can have been carried out (e.g. no connection).
                await CompleteAsync(key, JournalStatus.NotDone, UpstreamFailures.Outcome(unreachable), "Upstream could not be reached; nothing was carried out: " + unreachable.Message);
                return Journal.Find(key)!;
            case NordeaConnectException refused:
                await CompleteAsync(key, JournalStatus.Failed, UpstreamFailures.Outcome(refused), "Upstream refused: " + refused.Message);
                return Journal.Find(key)!;
            default:
                throw new ArgumentException("Only the client's failures and cancellations are recorded; " + failure.GetType().Name + " is a bug.", nameof(failure));
        }
    }

    /// <summary>Reads upstream to find out whether the entry's operation was carried out, and records the answer.</summary>
    private async Task<JournalEntry> ReconcileAsync(string key, bool judgeBeforeDeadline, CancellationToken cancellationToken)
    {
        var entry = Journal.Find(key) ?? throw new InvalidOperationException($"The journal of {Owner.JournalSubject} has no entry under key '{key}'.");
        if (!entry.AwaitsReconciliation)
        {
            return entry;
        }

        ReconciliationVerdict verdict;
        try
        {
            verdict = await Owner.ReconcileAsync(entry, cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            Diagnostics.GrainMetrics.Reconciled(Owner, "unreadable");
            Logger.LogWarning(
                "Reconciling {Operation} under key {IdempotencyKey} of {Grain} could not read upstream ({ResultCode}); it stays in doubt",
                entry.Operation, key, Owner.JournalSubject, failure.ResultCode.Value);
            await SaveAsync(Journal.Update(key, current => current.WithNote(Now, "Reconciliation could not read upstream (" + failure.ResultCode.Value + "): " + failure.Message + " Still in doubt.") with
            {
                Status = JournalStatus.Unknown,
            }));
            return Journal.Find(key)!;
        }

        if (verdict.Status == JournalStatus.NotDone && !judgeBeforeDeadline && entry.Deadline is { } deadline && Now < deadline)
        {
            // Not visible upstream yet, but the call may still be running on another activation: wait for its deadline.
            Logger.LogInformation(
                "{Operation} under key {IdempotencyKey} of {Grain} is not visible upstream yet; judged after its deadline {Deadline}",
                entry.Operation, key, Owner.JournalSubject, deadline);
            return entry;
        }

        Diagnostics.GrainMetrics.Reconciled(Owner, verdict.Status == JournalStatus.Done ? "done" : "not_done");
        Logger.LogInformation(
            "Reconciled {Operation} under key {IdempotencyKey} of {Grain}: {Status}, {Explanation}",
            entry.Operation, key, Owner.JournalSubject, verdict.Status, verdict.Explanation);
        await SaveAsync(Journal.Update(key, current => current.WithNote(Now, "Reconciled as " + verdict.Status + ": " + verdict.Explanation) with
        {
            Status = verdict.Status,
            Outcome = verdict.Outcome,
            CompletedAt = Now,
        }));
        return Journal.Find(key)!;
    }

    private Task CompleteAsync(string key, JournalStatus status, JournalOutcome outcome, string note) =>
        SaveAsync(Journal.Update(key, entry => entry.WithNote(Now, note) with { Status = status, Outcome = outcome, CompletedAt = Now }));

    /// <summary>Drops the reminder once nothing is in doubt (at the end of a reminder tick, and when the grain deactivates).</summary>
    public async Task ReleaseReminderAsync()
    {
        if (Journal.AwaitingReconciliation.Any())
        {
            return;
        }

        try
        {
            // After a restart this activation does not know whether an earlier one registered it, so it looks.
            if (!_reminderHeld && !_lookedForReminder)
            {
                _lookedForReminder = true;
                _reminderHeld = await Owner.GetReminder(ReminderName) is not null;
            }

            if (_reminderHeld && await Owner.GetReminder(ReminderName) is { } reminder)
            {
                await Owner.UnregisterReminder(reminder);
            }

            _reminderHeld = false;
        }
        catch (Exception failure) when (failure is OrleansException or TimeoutException)
        {
            // A reminder left behind only costs one settling pass that finds nothing in doubt and drops it then.
            Logger.LogWarning(failure, "The {Reminder} reminder of {Grain} could not be dropped yet", ReminderName, Owner.JournalSubject);
        }
    }

    private async Task HoldReminderAsync()
    {
        if (!_reminderHeld)
        {
            // Registered before the upstream call, so an outcome left in doubt by a crash is settled even if no caller returns.
            try
            {
                await Owner.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
                _reminderHeld = true;
                _lookedForReminder = true;
            }
            catch (Exception failure) when (failure is OrleansException or TimeoutException)
            {
                // A reminder service still starting must not hold up payments: the next activation and the next
                // mutation still settle the entry, and the next intent or settling pass tries to register again.
                Logger.LogWarning(failure, "The {Reminder} reminder of {Grain} could not be registered yet; doubt is settled at the next activation or mutation", ReminderName, Owner.JournalSubject);
            }
        }
    }

    // Written even when the caller has given up (no cancellation): an outcome that happened upstream must not be lost with the call.
    private async Task SaveAsync(OperationJournal journal)
    {
        State = State.WithJournal(journal);
        Diagnostics.GrainMetrics.InDoubtNow(Owner, journal.Entries.Where(static entry => entry.Status == JournalStatus.Unknown).Select(static entry => entry.StartedAt));
        await WriteStateAsync(CancellationToken.None);
    }
}

/// <summary>A grain whose mutations a <see cref="JournalKeeper{TState}"/> records.</summary>
internal interface IJournalOwner : IGrainBase
{
    /// <summary>How log lines name the grain, e.g. "transaction 7510"; made when a line is written, not held by every activation.</summary>
    string JournalSubject { get; }

    /// <summary>Reads upstream to decide whether an entry whose outcome is in doubt was carried out.</summary>
    Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken);
}

/// <summary>Where a mutation stands after <see cref="JournalKeeper{TState}.BeginAsync"/>: replay, refuse, or go on under <see cref="Key"/>.</summary>
internal sealed record JournalStart(string Key, string Operation, string Fingerprint)
{
    /// <summary>The recorded entry of the same request: return its outcome without calling upstream.</summary>
    public JournalEntry? Recorded { get; private init; }

    public Refusal? Refusal { get; private init; }

    public bool IsNew { get; private init; }

    public bool ReplaceFailed { get; private init; }

    public static JournalStart Replay(string key, JournalEntry recorded) => new(key, recorded.Operation, recorded.Fingerprint) { Recorded = recorded };

    public static JournalStart Refuse(string key, Refusal refusal) => new(key, string.Empty, string.Empty) { Refusal = refusal };

    public static JournalStart Proceed(string key, string operation, string fingerprint, bool isNew, bool replaceFailed) =>
        new(key, operation, fingerprint) { IsNew = isNew, ReplaceFailed = replaceFailed };
}
