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

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outer = CallCorrelation.Current;
        if (RequestContext.Get(RequestContextKey) is string id)
        {
            CallCorrelation.Current = id;
        }

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
