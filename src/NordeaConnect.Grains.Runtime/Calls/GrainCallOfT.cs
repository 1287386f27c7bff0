namespace NordeaConnect.Grains.Runtime.Calls;

internal sealed class GrainCall<TResult> : GrainCall
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainMethod<TResult> _method;

    public GrainCall(GrainMethod<TResult> method, object?[] arguments, CancellationToken callerToken)
        : base(method, arguments, callerToken)
    {
        _method = method;
    }

    public Task<TResult> Completion => _completion.Task;

    public override bool IsCompleted => _completion.Task.IsCompleted;

    private TResult? _result;
    private bool _hasResult;

    public override async Task<TurnOutcome> InvokeAsync(object grain)
    {
        try
        {
            _result = await _method.Invoke(grain, Arguments, TurnToken).ConfigureAwait(false);
            _hasResult = true;

            // Answered earlier by a timeout or the caller's cancellation when already completed: the grain finished late.
            return IsCompleted ? Outcome : TurnOutcome.Succeeded;
        }
        catch (Exception exception)
        {
            return RecordFault(exception);
        }
    }

    public override void Publish()
    {
        if (_hasResult)
        {
            _completion.TrySetResult(_result!);
        }
        else if (Fault is { } fault)
        {
            TryAnswer(TurnOutcome.Faulted, fault);
        }
    }

    protected override bool TryComplete(TurnOutcome outcome, Exception? exception) => outcome switch
    {
        TurnOutcome.Succeeded => throw new InvalidOperationException("A result completes the call through TrySetResult."),
        TurnOutcome.Canceled => _completion.TrySetCanceled(CallerToken),
        _ => _completion.TrySetException(exception!),
    };
}
