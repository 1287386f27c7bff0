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
    private const int Unanswered = 0;

    private CancellationTokenSource? _cancellation;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _cancellationRegistration;
    private int _cancelCause;
    private volatile bool _started;
    private TimeSpan _queueTimeout;
    private TimeSpan _turnTimeout;

    // Unanswered, or the winning outcome + 1: set once, atomically, so a timeout racing the grain's own result agree
    // on one answer (and the activation knows whether its turn failed).
    private int _answer;
    private bool _answerPendingPublish;
    private Exception? _fault;

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

    /// <summary>Whether the call's outcome is decided (the caller may not have seen it yet, see <see cref="Publish"/>).</summary>
    public bool IsAnswered => Volatile.Read(ref _answer) != Unanswered;

    /// <summary>The decided outcome; meaningful once <see cref="IsAnswered"/>.</summary>
    public TurnOutcome Outcome => (TurnOutcome)(Volatile.Read(ref _answer) - 1);

    /// <summary>Starts the queue timeout and links the caller's token. Called once, when the call is dispatched.</summary>
    public void Arm(GrainRegistration registration, GrainId target, TimeSpan queueTimeout, TimeSpan turnTimeout, TimeProvider timeProvider)
    {
        Registration = registration;
        Target = target;
        _queueTimeout = queueTimeout;
        _turnTimeout = turnTimeout;
        CallerContext = ExecutionContext.Capture();
        // No timer yet: most calls find their mailbox idle and start at once; TryEnqueue arms the queue timeout for the
        // others through StartQueueTimeout.
        _cancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _cancellationRegistration = _cancellation.Token.UnsafeRegister(static state => ((GrainCall)state!).OnCanceled(), this);
        if (CallerToken.CanBeCanceled)
        {
            _callerRegistration = CallerToken.UnsafeRegister(static state => ((GrainCall)state!).CancelByCaller(), this);
        }
    }

    /// <summary>Starts the queue timeout of a call that has to wait behind others. Called before the call is visible
    /// to the mailbox loop, so it can never override the turn timeout.</summary>
    public void StartQueueTimeout() => _cancellation!.CancelAfter(_queueTimeout);

    /// <summary>Moves from queue timeout to turn timeout; false when the call was already answered (canceled or timed out).</summary>
    public bool TryBeginTurn()
    {
        if (IsAnswered)
        {
            return false;
        }

        _started = true;
        _cancellation!.CancelAfter(_turnTimeout);
        return !IsAnswered;
    }

    /// <summary>Runs the method on the grain and decides the outcome from its result or exception; the caller is
    /// answered by <see cref="Publish"/>. Never throws.</summary>
    public abstract Task<TurnOutcome> InvokeAsync(object grain);

    /// <summary>Answers the caller with what the turn produced. The activation calls it after its own bookkeeping, so a
    /// caller that sees its answer also sees the activation idle (unless more calls are queued).</summary>
    public void Publish()
    {
        if (_answerPendingPublish)
        {
            _answerPendingPublish = false;
            Complete(Outcome, _fault);
        }
    }

    /// <summary>Decides the outcome of a turn that threw (answered by <see cref="Publish"/>); a timeout or cancellation
    /// of the turn token is answered at once. Returns the outcome that won.</summary>
    public TurnOutcome RecordFault(Exception exception)
    {
        if (exception is OperationCanceledException && _cancellation is { IsCancellationRequested: true })
        {
            OnCanceled();
            return Outcome;
        }

        _fault = exception;
        return Decide(TurnOutcome.Faulted);
    }

    /// <summary>Answers the caller at once with <paramref name="exception"/> (or the timeout/cancellation that caused it),
    /// for calls that fail outside a turn. Returns the outcome that won.</summary>
    public TurnOutcome Fail(Exception exception)
    {
        if (exception is OperationCanceledException && _cancellation is { IsCancellationRequested: true })
        {
            OnCanceled();
        }
        else
        {
            Answer(TurnOutcome.Faulted, exception);
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

    /// <summary>Decides a turn's own outcome, to be published later; returns the outcome that won.</summary>
    protected TurnOutcome Decide(TurnOutcome outcome)
    {
        if (Interlocked.CompareExchange(ref _answer, (int)outcome + 1, Unanswered) == Unanswered)
        {
            _answerPendingPublish = true;
        }

        return Outcome;
    }

    /// <summary>Completes the caller's task with the decided outcome.</summary>
    protected abstract void Complete(TurnOutcome outcome, Exception? exception);

    private void Answer(TurnOutcome outcome, Exception? exception)
    {
        if (Interlocked.CompareExchange(ref _answer, (int)outcome + 1, Unanswered) == Unanswered)
        {
            Complete(outcome, exception);
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
            Answer(TurnOutcome.Canceled, null);
        }
        else if (_started)
        {
            Answer(TurnOutcome.TimedOut, new TimeoutException(
                $"Call {Method.Name} on grain {Target} exceeded the turn timeout of {_turnTimeout}."));
        }
        else
        {
            Answer(TurnOutcome.TimedOut, new TimeoutException(
                $"Call {Method.Name} on grain {Target} waited longer than the queue timeout of {_queueTimeout} for its turn."));
        }
    }
}
