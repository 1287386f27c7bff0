namespace NordeaConnect.Gateway.Observability.Correlation;

/// <summary>
/// Carries the caller's correlation id into grain calls. Orleans runs a grain call on the grain's own scheduler, where
/// the gRPC call's async-local id is not visible, so the id travels in Orleans' RequestContext and is made current
/// again for the grain's turn: the upstream requests the grain sends then carry it.
/// </summary>
internal sealed class CorrelationGrainCallFilter : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
{
    private const string RequestContextKey = CallCorrelation.MetadataKey;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CallCorrelation.Current is { } id)
        {
            RequestContext.Set(RequestContextKey, id);
        }

        return context.Invoke();
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Without an id to carry (no correlation in the call) the turn needs no frame of its own.
        return RequestContext.Get(RequestContextKey) is string id ? InvokeCorrelated(context, id) : context.Invoke();
    }

    private static async Task InvokeCorrelated(IIncomingGrainCallContext context, string id)
    {
        var outer = CallCorrelation.Current;
        CallCorrelation.Current = id;
        try
        {
            await context.Invoke();
        }
        finally
        {
            CallCorrelation.Current = outer;
        }
    }
}
