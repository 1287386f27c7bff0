namespace NordeaConnect.Grains.Runtime.Calls;

internal sealed class GrainCall<TResult> : GrainCall
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainMethod<TResult> _method;
    private TResult? _result;

    public GrainCall(GrainMethod<TResult> method, object?[] arguments, CancellationToken callerToken)
        : base(method, arguments, callerToken)
    {
        _method = method;
    }

    public Task<TResult> Completion => _completion.Task;

    public override async Task<TurnOutcome> InvokeAsync(object grain)
    {
        try
        {
            _result = await _method.Invoke(grain, Arguments, TurnToken).ConfigureAwait(false);

            // Loses to a timeout or cancellation that answered first: the grain then finished late.
            return Decide(TurnOutcome.Succeeded);
        }
        catch (Exception exception)
        {
            return RecordFault(exception);
        }
    }

    protected override void Complete(TurnOutcome outcome, Exception? exception)
    {
        switch (outcome)
        {
            case TurnOutcome.Succeeded:
                _completion.TrySetResult(_result!);
                break;
            case TurnOutcome.Canceled:
                _completion.TrySetCanceled(CallerToken);
                break;
            default:
                _completion.TrySetException(exception!);
                break;
        }
    }
}
