using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Grpc.Core;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Observability.Correlation;

namespace NordeaConnect.Gateway.Observability.Rpc;

/// <summary>
/// Outermost interceptor: gives the call its correlation id (log scope, flowing context, response trailer) and
/// records it in <see cref="GatewayMetrics"/> with the result-code group the inner interceptors settled on,
/// refusals of authentication included.
/// </summary>
internal sealed class RpcObservabilityInterceptor(GatewayMetrics metrics, ILogger<RpcObservabilityInterceptor> logger) : CallInterceptor
{
    protected override async Task AroundAsync(ServerCallContext context, Func<Task> next)
    {
        var correlationId = CallCorrelation.FromMetadata(context.RequestHeaders);
        context.ResponseTrailers.Add(CallCorrelation.MetadataKey, correlationId);
        // Async methods restore the caller's ExecutionContext on return, so this does not leak past the call.
        CallCorrelation.Current = correlationId;
        // Baggage travels with the trace into grain turns (Orleans' activity propagation), so their log lines carry it too.
        Activity.Current?.SetTag(CallCorrelation.ActivityKey, correlationId).SetBaggage(CallCorrelation.ActivityKey, correlationId);
        using var scope = logger.BeginScope(new CorrelationScope(correlationId, context.Method));
        var started = Stopwatch.GetTimestamp();
        var group = ResultGroups.Error;
        try
        {
            await next().ConfigureAwait(false);
            group = ResultGroups.For(context.Status.StatusCode, context.ResponseTrailers);
        }
        catch (RpcException failure)
        {
            group = ResultGroups.For(failure.StatusCode, failure.Trailers);
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            group = DateTime.UtcNow >= context.Deadline ? ResultGroups.DeadlineExceeded : ResultGroups.Cancelled;
            throw;
        }
        finally
        {
            metrics.RecordCall(context.Method, group, Stopwatch.GetElapsedTime(started));
        }
    }
}
