using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// Runs a grain's mutations through its journal: reconcile what is in doubt first, replay a known key, refuse a reused
/// one, check the cached state, record the intent, call upstream, record the outcome. Every step that changes the
/// journal writes the grain's state before going on, so a crash at any point leaves an entry that says where it stopped.
/// It runs inside the grain's turn, so it needs no locking of its own.
/// </summary>
internal sealed class JournalKeeper<TState>
    where TState : class, IJournaledState<TState>
{
    private readonly IPersistentState<TState> _state;
    private readonly Func<JournalEntry, CancellationToken, Task<ReconciliationVerdict>> _reconcile;
    private readonly TimeProvider _time;
    private readonly JournalRetention _retention;
    private readonly ILogger _logger;
    private readonly string _grain;

    public JournalKeeper(
        IPersistentState<TState> state,
        Func<JournalEntry, CancellationToken, Task<ReconciliationVerdict>> reconcile,
        TimeProvider time,
        JournalRetention retention,
        ILogger logger,
        string grain)
    {
        _state = state;
        _reconcile = reconcile;
        _time = time;
        _retention = retention;
        _logger = logger;
        _grain = grain;
    }

    public OperationJournal Journal => _state.State.Journal;

    /// <summary>Reconciles every entry in doubt; true when none is left (upstream answered for all of them).</summary>
    public async Task<bool> ReconcileAllAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Journal.AwaitingReconciliation.ToList())
        {
            await ReconcileAsync(entry.Key, cancellationToken).ConfigureAwait(false);
        }

        return !Journal.AwaitingReconciliation.Any();
    }

    /// <summary>Reads upstream to find out whether the entry's operation was carried out, and records the answer.</summary>
    public async Task<JournalEntry> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var entry = Journal.Find(key) ?? throw new InvalidOperationException($"The journal of {_grain} has no entry under key '{key}'.");
        if (!entry.AwaitsReconciliation)
        {
            return entry;
        }

        ReconciliationVerdict verdict;
        try
        {
            verdict = await _reconcile(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (NordeaConnectException failure)
        {
            _logger.LogWarning(
                "Reconciling {Operation} under key {IdempotencyKey} of {Grain} could not read upstream ({ResultCode}); it stays in doubt",
                entry.Operation, key, _grain, failure.ResultCode.Value);
            await SaveAsync(
                Journal.Update(key, current => current.WithNote(Now, "Reconciliation could not read upstream (" + failure.ResultCode.Value + "): " + failure.Message + " Still in doubt.") with
                {
                    Status = JournalStatus.Unknown,
                })).ConfigureAwait(false);
            return Journal.Find(key)!;
        }

        _logger.LogInformation(
            "Reconciled {Operation} under key {IdempotencyKey} of {Grain}: {Status}, {Explanation}",
            entry.Operation, key, _grain, verdict.Status, verdict.Explanation);
        await SaveAsync(
            Journal.Update(key, current => current.WithNote(Now, "Reconciled as " + verdict.Status + ": " + verdict.Explanation) with
            {
                Status = verdict.Status,
                Outcome = verdict.Outcome,
                CompletedAt = Now,
            })).ConfigureAwait(false);
        return Journal.Find(key)!;
    }

    public async Task<OperationResult<T>> RunAsync<T>(JournaledOperation<T> operation, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.TryResolve(operation.IdempotencyKey, out var key, out var malformed))
        {
            return OperationResults.Refused<T>(malformed, operation.IdempotencyKey ?? string.Empty);
        }

        // Before anything else: an operation in doubt must be settled, or a new one could repeat or exceed it.
        if (!await ReconcileAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var waiting = Journal.AwaitingReconciliation.First();
            return OperationResults.Refused<T>(
                new Refusal(ResultCode.OutcomeUnknown, $"Operation {waiting.Operation} under key '{waiting.Key}' is still in doubt and upstream cannot be read to settle it; nothing new is sent until it is. Retry later."),
                key);
        }

        var lookup = Journal.Lookup(key, operation.Fingerprint);
        switch (lookup.Kind)
        {
            case JournalLookupKind.Replay:
                return OperationResults.From(lookup.Entry!.Outcome!, key, await operation.ReplayAsync(lookup.Entry, cancellationToken).ConfigureAwait(false), replayed: true);
            case JournalLookupKind.KeyReused when !(operation.ReplaceFailed && lookup.Entry!.Status is JournalStatus.Failed or JournalStatus.NotDone):
                return OperationResults.Refused<T>(
                    new Refusal(ResultCode.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for a different {lookup.Entry!.Operation} request; use a new key for a new request."),
                    key);
        }

        try
        {
            if (await operation.CheckAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                return OperationResults.Refused<T>(refusal, key);
            }
        }
        catch (NordeaConnectException failure)
        {
            // The check could not read upstream; nothing was sent, so nothing is journaled.
            return OperationResults.Failed<T>(failure, key);
        }

        var intent = new JournalEntry
        {
            Key = key,
            Operation = operation.Operation,
            Fingerprint = operation.Fingerprint,
            Status = JournalStatus.Intent,
            StartedAt = Now,
            Details = operation.Details(),
            Notes = [new JournalNote(Now, lookup.Kind == JournalLookupKind.New ? "Intent recorded." : "Intent recorded again: the earlier attempt was not carried out.")],
        };
        await SaveAsync(Journal.Begin(intent, operation.ReplaceFailed).Trim(_retention, Now)).ConfigureAwait(false);

        try
        {
            var (outcome, value) = await operation.SendAsync(cancellationToken).ConfigureAwait(false);
            await CompleteAsync(key, JournalStatus.Done, outcome, "Upstream answered: " + outcome.Description).ConfigureAwait(false);
            return OperationResults.From(outcome, key, value, replayed: false);
        }
        catch (NordeaConnectOutcomeUnknownException unknown)
        {
            _logger.LogWarning(
                "Outcome of {Operation} under key {IdempotencyKey} of {Grain} is unknown ({ResultCode}); reconciling",
                operation.Operation, key, _grain, unknown.ResultCode.Value);
            await SaveAsync(
                Journal.Update(key, entry => entry.WithNote(Now, "Outcome unknown: " + unknown.Message) with { Status = JournalStatus.Unknown })).ConfigureAwait(false);
            var settled = await ReconcileAsync(key, cancellationToken).ConfigureAwait(false);
            return settled.Status switch
            {
                JournalStatus.Done => OperationResults.From(settled.Outcome!, key, await operation.ReplayAsync(settled, cancellationToken).ConfigureAwait(false), replayed: false),
                JournalStatus.NotDone => OperationResults.From<T>(settled.Outcome!, key, default, replayed: false),
                _ => OperationResults.Refused<T>(
                    new Refusal(ResultCode.OutcomeUnknown, $"Whether {operation.Operation} was carried out is unknown: {unknown.Message} It is reconciled before this grain does anything else; retry with the same key to learn the outcome."),
                    key),
            };
        }
        catch (NordeaConnectException failure) when (failure.ResultCode.Kind == ResultCodeKind.SystemTrouble)
        {
            // Not an unknown outcome: the client only says so when nothing can have been carried out (e.g. no connection).
            var outcome = UpstreamFailures.Outcome(failure);
            await CompleteAsync(key, JournalStatus.NotDone, outcome, "Upstream could not be reached; nothing was carried out: " + failure.Message).ConfigureAwait(false);
            return OperationResults.Failed<T>(failure, key);
        }
        catch (NordeaConnectException failure)
        {
            await CompleteAsync(key, JournalStatus.Failed, UpstreamFailures.Outcome(failure), "Upstream refused: " + failure.Message).ConfigureAwait(false);
            return OperationResults.Failed<T>(failure, key);
        }
    }

    private async Task CompleteAsync(string key, JournalStatus status, JournalOutcome outcome, string note) =>
        await SaveAsync(
            Journal.Update(key, entry => entry.WithNote(Now, note) with { Status = status, Outcome = outcome, CompletedAt = Now })).ConfigureAwait(false);

    // Written even when the caller has given up (no cancellation): an outcome that happened upstream must not be lost with the call.
    private async Task SaveAsync(OperationJournal journal)
    {
        _state.State = _state.State.WithJournal(journal);
        await _state.WriteStateAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private DateTimeOffset Now => _time.GetUtcNow();
}
