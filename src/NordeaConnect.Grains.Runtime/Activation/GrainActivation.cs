using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NordeaConnect.Grains.Runtime.Calls;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Activation;

/// <summary>
/// One live grain: its mailbox and the loop that runs the mailbox's calls one turn at a time, in arrival order.
/// No thread is held while the mailbox is empty; the loop is started on the thread pool when a call arrives.
/// </summary>
internal sealed class GrainActivation
{
    private static readonly ContextCallback StartTurnInCallerContext = static state =>
    {
        var call = (GrainCall)state!;
        call.TurnTask = call.Activation!.RunTurnAsync(call);
    };

    private readonly GrainRuntime _runtime;
    private readonly Lock _gate = new();
    private Queue<GrainCall>? _queue;
    private bool _processing;
    private ActivationStatus _status;
    private DeactivationReason _deactivationReason;
    private TaskCompletionSource? _deactivated;
    private long _lastUsedTicks;
    private volatile Grain? _grain;
    private ActivationContext? _context;
    private AsyncServiceScope? _scope;

    public GrainActivation(GrainRuntime runtime, GrainId grainId, GrainRegistration registration)
    {
        _runtime = runtime;
        GrainId = grainId;
        Registration = registration;
        _lastUsedTicks = runtime.TimeProvider.GetUtcNow().UtcTicks;
    }

    public GrainId GrainId { get; }

    public GrainRegistration Registration { get; }

    /// <summary>When the mailbox last became empty (UTC ticks).</summary>
    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    /// <summary>A hint for choosing collection victims; <see cref="TryCollect"/> decides under the lock.</summary>
    public bool LooksIdle
    {
        get
        {
            lock (_gate)
            {
                return _status == ActivationStatus.Active && !_processing;
            }
        }
    }

    /// <summary>Completes when this activation has left the directory.</summary>
    public Task Deactivated
    {
        get
        {
            lock (_gate)
            {
                return (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    /// <summary>Queues a call; false when the activation is deactivating and the call must go to a fresh activation.</summary>
    public bool TryEnqueue(GrainCall call)
    {
        bool start;
        int length;
        lock (_gate)
        {
            if (_status >= ActivationStatus.Deactivating)
            {
                return false;
            }

            start = !_processing;
            if (!start)
            {
                call.StartQueueTimeout();
            }

            _queue ??= new Queue<GrainCall>(2);
            _queue.Enqueue(call);
            length = _queue.Count;
            _processing = true;
        }

        _runtime.Metrics.CallQueued(length);
        if (start)
        {
            // An idle mailbox runs the call on the caller's thread, as calling an async method would: a turn that
            // completes synchronously then costs no thread-pool hop. Later calls are handed to the thread pool.
            _ = ProcessAsync(runsOnCallerThread: true);
        }

        return true;
    }

    /// <summary>Starts deactivating if the activation is active, has nothing queued or running, and was last used before
    /// <paramref name="idleBeforeTicks"/>; returns the deactivation, or null when it is not collectable.</summary>
    public Task? TryCollect(long idleBeforeTicks, DeactivationReason reason)
    {
        lock (_gate)
        {
            if (_status != ActivationStatus.Active || _processing || _lastUsedTicks > idleBeforeTicks)
            {
                return null;
            }

            _status = ActivationStatus.Deactivating;
            _deactivationReason = reason;
            _processing = true;
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        StartProcessing();
        return _deactivated.Task;
    }

    /// <summary>Deactivates once the calls already queued have run; new calls go to a fresh activation.</summary>
    public Task RequestDeactivation(DeactivationReason reason)
    {
        bool start;
        Task deactivated;
        lock (_gate)
        {
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            deactivated = _deactivated.Task;
            if (_status >= ActivationStatus.Deactivating)
            {
                return deactivated;
            }

            _status = ActivationStatus.Deactivating;
            _deactivationReason = reason;
            start = !_processing;
            _processing = true;
        }

        if (start)
        {
            StartProcessing();
        }

        return deactivated;
    }

    /// <summary>Another node stored <paramref name="version"/> of one of this grain's states.</summary>
    public bool Invalidate(string stateName, long version)
    {
        if (_grain is null)
        {
            // Not activated yet: its states are read from storage when it is.
            return false;
        }

        foreach (var state in _context!.States)
        {
            if (string.Equals(state.StateName, stateName, StringComparison.Ordinal))
            {
                state.Invalidate(version);
                return true;
            }
        }

        return false;
    }

    internal async Task<TurnOutcome> RunTurnAsync(GrainCall call)
    {
        CallChain.Enter(GrainId);
        var started = _runtime.Metrics.TurnDurationEnabled ? Stopwatch.GetTimestamp() : 0;
        TurnOutcome outcome;
        IAsyncDisposable? exclusiveLease = null;
        try
        {
            var token = call.TurnToken;
            var exclusive = call.Method.IsExclusive;
            if (exclusive)
            {
                exclusiveLease = await _runtime.TurnLock.AcquireAsync(GrainId, token).ConfigureAwait(false);
            }

            var states = _context!.States;
            for (var i = 0; i < states.Count; i++)
            {
                await states[i].RefreshIfNeededAsync(force: exclusive, token).ConfigureAwait(false);
            }

            outcome = await call.InvokeAsync(_grain!).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            outcome = call.RecordFault(exception);
        }
        finally
        {
            if (exclusiveLease is not null)
            {
                await exclusiveLease.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (outcome != TurnOutcome.Succeeded)
        {
            DiscardUnsavedState();
        }

        _runtime.Metrics.TurnCompleted(Registration.GrainType, OutcomeNames.Of(outcome), started);
        return outcome;
    }

    private void StartProcessing() =>
        ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.ProcessAsync(runsOnCallerThread: false), this, preferLocal: false);

    private async Task ProcessAsync(bool runsOnCallerThread)
    {
        while (true)
        {
            GrainCall? call = null;
            lock (_gate)
            {
                if (_queue is { Count: > 0 })
                {
                    call = _queue.Dequeue();
                }
                else if (_status != ActivationStatus.Deactivating)
                {
                    _processing = false;
                    _lastUsedTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
                    return;
                }
            }

            if (call is null)
            {
                await DeactivateAsync().ConfigureAwait(false);
                return;
            }

            _runtime.Metrics.CallDequeued();
            if (_grain is null && !await TryActivateAsync(call).ConfigureAwait(false))
            {
                return;
            }

            if (!call.TryBeginTurn())
            {
                call.Release();
                continue;
            }

            call.Activation = this;
            Task<TurnOutcome> turn;
            if (call.CallerContext is { } callerContext)
            {
                ExecutionContext.Run(callerContext, StartTurnInCallerContext, call);
                turn = call.TurnTask!;
            }
            else
            {
                turn = RunTurnAsync(call);
            }

            await turn.ConfigureAwait(false);
            bool idle;
            lock (_gate)
            {
                idle = _queue!.Count == 0 && _status != ActivationStatus.Deactivating;
                if (idle)
                {
                    _processing = false;
                    _lastUsedTicks = _runtime.TimeProvider.GetUtcNow().UtcTicks;
                }
            }

            call.Publish();
            call.Release();
            if (idle)
            {
                return;
            }

            if (runsOnCallerThread)
            {
                // Never keep a caller's thread busy with other callers' turns.
                StartProcessing();
                return;
            }
        }
    }

    private async Task<bool> TryActivateAsync(GrainCall firstCall)
    {
        CallChain.Enter(GrainId);
        using var timeout = _runtime.CreateTimeoutSource(_runtime.Options.TurnTimeout);
        try
        {
            _scope = _runtime.Services.CreateAsyncScope();
            _context = new ActivationContext(this, _runtime, _scope.Value.ServiceProvider);
            var grain = _runtime.ConstructorFor(Registration.GrainClass).Construct(_context, _runtime.StateFactory);
            _context.CloseStateRegistration();
            await _runtime.Storage.InitializeAsync(timeout.Token).ConfigureAwait(false);

            // Read under the lock, so the activation sees what an exclusive turn on another node wrote before it.
            var exclusiveLease = Registration.IsActivationExclusive
                ? await _runtime.TurnLock.AcquireAsync(GrainId, timeout.Token).ConfigureAwait(false)
                : null;
            try
            {
                foreach (var state in _context.States)
                {
                    await state.ReadStateAsync(timeout.Token).ConfigureAwait(false);
                }

                await BoundedAsync(grain.OnActivateAsync(timeout.Token), timeout, "OnActivateAsync", _runtime.Options.TurnTimeout).ConfigureAwait(false);
            }
            finally
            {
                if (exclusiveLease is not null)
                {
                    await exclusiveLease.DisposeAsync().ConfigureAwait(false);
                }
            }

            _grain = grain;
            lock (_gate)
            {
                if (_status == ActivationStatus.Created)
                {
                    _status = ActivationStatus.Active;
                }
            }

            _runtime.Metrics.ActivationCreated(Registration.GrainType);
            return true;
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogError(exception, "Activation of grain {GrainId} failed; its queued calls fail with the same error", GrainId);
            _runtime.Metrics.ActivationFailed(Registration.GrainType);
            await FailActivationAsync(firstCall, exception).ConfigureAwait(false);
            return false;
        }
    }

    private async Task FailActivationAsync(GrainCall firstCall, Exception exception)
    {
        GrainCall[] pending;
        lock (_gate)
        {
            _status = ActivationStatus.Deactivated;
            pending = _queue?.ToArray() ?? [];
            _queue?.Clear();
        }

        firstCall.Fail(exception);
        firstCall.Release();
        foreach (var call in pending)
        {
            _runtime.Metrics.CallDequeued();
            call.Fail(exception);
            call.Release();
        }

        await DisposeScopeAsync().ConfigureAwait(false);
        Leave();
    }

    private async Task DeactivateAsync()
    {
        var reason = _deactivationReason;
        if (_grain is { } grain)
        {
            CallChain.Enter(GrainId);
            using var timeout = _runtime.CreateTimeoutSource(_runtime.Options.DeactivationTimeout);
            try
            {
                await BoundedAsync(grain.OnDeactivateAsync(reason, timeout.Token), timeout, "OnDeactivateAsync", _runtime.Options.DeactivationTimeout).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                _runtime.Logger.LogWarning(exception, "OnDeactivateAsync of grain {GrainId} failed during deactivation ({Reason})", GrainId, reason.ReasonCode);
            }

            foreach (var state in _context!.States)
            {
                if (!state.IsDirty)
                {
                    continue;
                }

                try
                {
                    await state.WriteStateAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    _runtime.Logger.LogWarning(exception, "Writing state {StateName} of grain {GrainId} at deactivation failed; the unsaved change is lost", state.StateName, GrainId);
                }
            }

            await DisposeGrainAsync(grain).ConfigureAwait(false);
            _runtime.Metrics.ActivationCollected(Registration.GrainType, reason.ReasonCode);
        }

        await DisposeScopeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _status = ActivationStatus.Deactivated;
        }

        Leave();
    }

    private void Leave()
    {
        _runtime.Remove(this);
        lock (_gate)
        {
            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _deactivated.TrySetResult();
    }

    /// <summary>Waits for a lifecycle callback at most <paramref name="bound"/>, even when it ignores its token, so that
    /// one misbehaving grain cannot wedge its key forever.</summary>
    private async Task BoundedAsync(Task callback, CancellationTokenSource timeout, string name, TimeSpan bound)
    {
        try
        {
            await callback.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{name} of grain {GrainId} did not finish within {bound}.");
        }
    }

    private void DiscardUnsavedState()
    {
        foreach (var state in _context!.States)
        {
            if (state.IsDirty)
            {
                state.DiscardUnsavedChanges();
            }
        }
    }

    private async Task DisposeGrainAsync(Grain grain)
    {
        try
        {
            switch (grain)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogWarning(exception, "Disposing grain {GrainId} failed", GrainId);
        }
    }

    private async Task DisposeScopeAsync()
    {
        if (_scope is not { } scope)
        {
            return;
        }

        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _runtime.Logger.LogWarning(exception, "Disposing the service scope of grain {GrainId} failed", GrainId);
        }
    }
}
