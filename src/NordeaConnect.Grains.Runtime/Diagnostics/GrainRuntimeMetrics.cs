using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NordeaConnect.Grains.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the meter <see cref="MeterName"/>. Created through IMeterFactory when the host has one
/// (so two runtimes in one process report apart), otherwise on a meter this class owns.
/// </summary>
internal sealed class GrainRuntimeMetrics : IDisposable
{
    public const string MeterName = "NordeaConnect.Grains.Runtime";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationsCollected;
    private readonly Counter<long> _activationFailures;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnDuration;
    private readonly Histogram<long> _mailboxLength;
    private readonly Counter<long> _storageOperations;
    private readonly Counter<long> _storageConflicts;
    private readonly Histogram<double> _storageDuration;
    private readonly Histogram<double> _lockWait;
    private readonly Counter<long> _lockTimeouts;
    private readonly Counter<long> _invalidations;
    private long _liveActivations;
    private long _queuedCalls;

    public GrainRuntimeMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _activationsCreated = _meter.CreateCounter<long>("nordeaconnect.grains.activations.created", "{activation}", "Activations created (grain constructed and activated).");
        _activationsCollected = _meter.CreateCounter<long>("nordeaconnect.grains.activations.collected", "{activation}", "Activations deactivated, by reason.");
        _activationFailures = _meter.CreateCounter<long>("nordeaconnect.grains.activations.failed", "{activation}", "Activations whose constructor, state read or OnActivateAsync threw.");
        _meter.CreateObservableUpDownCounter("nordeaconnect.grains.activations.live", () => Volatile.Read(ref _liveActivations), "{activation}", "Activations currently in the directory.");
        _turns = _meter.CreateCounter<long>("nordeaconnect.grains.turns", "{turn}", "Turns run, by grain type and outcome.");
        _turnDuration = _meter.CreateHistogram<double>("nordeaconnect.grains.turn.duration", "ms", "Time from the start of a turn to its end.");
        _mailboxLength = _meter.CreateHistogram<long>("nordeaconnect.grains.mailbox.length", "{call}", "Calls waiting in the mailbox when a call is queued.");
        _meter.CreateObservableUpDownCounter("nordeaconnect.grains.mailbox.queued", () => Volatile.Read(ref _queuedCalls), "{call}", "Calls waiting in all mailboxes.");
        _storageOperations = _meter.CreateCounter<long>("nordeaconnect.grains.storage.operations", "{operation}", "State reads, refreshes, writes and clears.");
        _storageConflicts = _meter.CreateCounter<long>("nordeaconnect.grains.storage.conflicts", "{conflict}", "Writes and clears refused because of a stale ETag.");
        _storageDuration = _meter.CreateHistogram<double>("nordeaconnect.grains.storage.duration", "ms", "Duration of state storage operations.");
        _lockWait = _meter.CreateHistogram<double>("nordeaconnect.grains.lock.wait", "ms", "Time an exclusive turn waited for its cross-node lock.");
        _lockTimeouts = _meter.CreateCounter<long>("nordeaconnect.grains.lock.timeouts", "{timeout}", "Exclusive turns that gave up waiting for their lock.");
        _invalidations = _meter.CreateCounter<long>("nordeaconnect.grains.state.invalidations", "{notification}", "Notifications of other nodes' writes applied to live activations.");
    }

    public Meter Meter => _meter;

    public long LiveActivations => Volatile.Read(ref _liveActivations);

    public void ActivationAdded() => Interlocked.Increment(ref _liveActivations);

    public void ActivationRemoved() => Interlocked.Decrement(ref _liveActivations);

    public void ActivationCreated(string grainType) => _activationsCreated.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));

    public void ActivationFailed(string grainType) => _activationFailures.Add(1, new KeyValuePair<string, object?>("grain.type", grainType));

    public void ActivationCollected(string grainType, DeactivationReasonCode reason) =>
        _activationsCollected.Add(1, new KeyValuePair<string, object?>("grain.type", grainType), new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void CallQueued(int mailboxLength)
    {
        Interlocked.Increment(ref _queuedCalls);
        if (_mailboxLength.Enabled)
        {
            _mailboxLength.Record(mailboxLength);
        }
    }

    public void CallDequeued() => Interlocked.Decrement(ref _queuedCalls);

    public bool TurnDurationEnabled => _turnDuration.Enabled;

    public void TurnCompleted(string grainType, string outcome, long startTimestamp)
    {
        var type = new KeyValuePair<string, object?>("grain.type", grainType);
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        _turns.Add(1, type, result);
        if (startTimestamp != 0)
        {
            _turnDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, type, result);
        }
    }

    public void StorageOperation(string operation, long startTimestamp, bool conflict)
    {
        var op = new KeyValuePair<string, object?>("operation", operation);
        _storageOperations.Add(1, op);
        _storageDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, op);
        if (conflict)
        {
            _storageConflicts.Add(1, op);
        }
    }

    public void LockAcquired(long startTimestamp) => _lockWait.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public void LockTimedOut() => _lockTimeouts.Add(1);

    public void StateInvalidated() => _invalidations.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
