using NordeaConnect.Grains.Runtime.Activation;
using NordeaConnect.Grains.Runtime.Hosting;

namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>
/// One call waiting in, or running from, an activation's mailbox. It owns the call's cancellation: the caller's token,
/// the queue timeout while it waits and the turn timeout once its turn starts all cancel <see cref="TurnToken"/>, and the
/// caller is answered at that moment even if the grain ignores the token.
/// </summary>
internal abstract class GrainCall
{
    private const int NotCanceledByCaller = 0;
    private const int CanceledByCaller = 1;

    private CancellationTokenSource? _cancellation;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _cancellationRegistration;
    private int _cancelCause;
    private volatile bool _started;
    private TimeSpan _queueTimeout;
    private TimeSpan _turnTimeout;

    protected GrainCall(GrainMethod method, object?[] arguments, CancellationToken callerToken)
    {
        Method = method;
        Arguments = arguments;
        CallerToken = callerToken;
    }

    public GrainMethod Method { get; }

    public object?[] Arguments { get; }

    public CancellationToken CallerToken { get; }

    public GrainId Target { get; private set; }

    /// <summary>The grain class behind the target, for creating its activation.</summary>
    public GrainRegistration? Registration { get; private set; }

    /// <summary>The caller's ExecutionContext, so the turn sees the caller's Activity, logging scopes and call chain.</summary>
    public ExecutionContext? CallerContext { get; private set; }

    /// <summary>The activation running this call (set when its turn starts).</summary>
    public GrainActivation? Activation { get; set; }

    /// <summary>The running turn (set when its turn starts).</summary>
    public Task<TurnOutcome>? TurnTask { get; set; }

    /// <summary>Canceled by the caller, the queue timeout or the turn timeout.</summary>
    public CancellationToken TurnToken => _cancellation!.Token;

    public abstract bool IsCompleted { get; }

    /// <summary>How the caller was answered; meaningful once <see cref="IsCompleted"/>.</summary>
    public TurnOutcome Outcome { get; private set; }

    /// <summary>Starts the queue timeout and links the caller's token. Called once, when the call is dispatched.</summary>
    public void Arm(GrainRegistration registration, GrainId target, TimeSpan queueTimeout, TimeSpan turnTimeout, TimeProvider timeProvider)
    {
        Registration = registration;
        Target = target;
        _queueTimeout = queueTimeout;
        _turnTimeout = turnTimeout;
        CallerContext = ExecutionContext.Capture();
        _cancellation = new CancellationTokenSource(queueTimeout, timeProvider);
        _cancellationRegistration = _cancellation.Token.UnsafeRegister(static state => ((GrainCall)state!).OnCanceled(), this);
        if (CallerToken.CanBeCanceled)
        {
            _callerRegistration = CallerToken.UnsafeRegister(static state => ((GrainCall)state!).CancelByCaller(), this);
        }
    }

    /// <summary>Moves from queue timeout to turn timeout; false when the call was already answered (canceled or timed out).</summary>
    public bool TryBeginTurn()
    {
        if (IsCompleted)
        {
            return false;
        }

        _started = true;
        _cancellation!.CancelAfter(_turnTimeout);
        return !IsCompleted;
    }

    /// <summary>Runs the method on the grain and keeps its result or exception for <see cref="Publish"/>. Never throws.</summary>
    public abstract Task<TurnOutcome> InvokeAsync(object grain);

    /// <summary>Answers the caller with what the turn produced. The activation calls it after its own bookkeeping, so a
    /// caller that sees its answer also sees the activation idle (unless more calls are queued).</summary>
    public abstract void Publish();

    /// <summary>Keeps a turn's exception for <see cref="Publish"/>; a timeout or cancellation is answered at once.</summary>
    public TurnOutcome RecordFault(Exception exception)
    {
        if (exception is OperationCanceledException && _cancellation is { IsCancellationRequested: true })
        {
            OnCanceled();
            return Outcome;
        }

        if (IsCompleted)
        {
            return Outcome;
        }

        Fault = exception;
        return TurnOutcome.Faulted;
    }

    /// <summary>The exception the turn ended with, until published.</summary>
    protected Exception? Fault { get; private set; }

    /// <summary>Answers the caller with <paramref name="exception"/>, or with a timeout/cancellation when the turn token caused it.</summary>
    public TurnOutcome Fail(Exception exception)
    {
        if (exception is OperationCanceledException && _cancellation is { IsCancellationRequested: true })
        {
            OnCanceled();
        }
        else
        {
            TryAnswer(TurnOutcome.Faulted, exception);
        }

        return Outcome;
    }

    /// <summary>Frees the timer and registrations; called once the call will not run (again).</summary>
    public void Release()
    {
        _callerRegistration.Dispose();
        _cancellationRegistration.Dispose();
        _cancellation?.Dispose();
    }

    /// <summary>Completes the caller's task once; records <see cref="Outcome"/> when this answer won.</summary>
    protected abstract bool TryComplete(TurnOutcome outcome, Exception? exception);

    protected void TryAnswer(TurnOutcome outcome, Exception? exception)
    {
        if (TryComplete(outcome, exception))
        {
            Outcome = outcome;
        }
    }

    private void CancelByCaller()
    {
        if (Interlocked.CompareExchange(ref _cancelCause, CanceledByCaller, NotCanceledByCaller) == NotCanceledByCaller)
        {
            try
            {
                _cancellation!.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The call finished and released its resources while the caller was canceling: nothing left to cancel.
            }
        }
    }

    private void OnCanceled()
    {
        if (Volatile.Read(ref _cancelCause) == CanceledByCaller)
        {
            TryAnswer(TurnOutcome.Canceled, null);
        }
        else if (_started)
        {
            TryAnswer(TurnOutcome.TimedOut, new TimeoutException(
                $"Call {Method.Name} on grain {Target} exceeded the turn timeout of {_turnTimeout}."));
        }
        else
        {
            TryAnswer(TurnOutcome.TimedOut, new TimeoutException(
                $"Call {Method.Name} on grain {Target} waited longer than the queue timeout of {_queueTimeout} for its turn."));
        }
    }
}
