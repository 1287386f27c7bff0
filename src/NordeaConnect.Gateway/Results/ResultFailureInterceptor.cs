using Grpc.Core;
using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// Sends refusals and upstream failures as the caller should see them: a gRPC status chosen from the result code,
/// the result in trailers. Services simply let these exceptions through, so none of them repeats this mapping. Any
/// other fault answers 900.900.005 with the call's correlation id; its text goes to the log only.
/// </summary>
internal sealed partial class ResultFailureInterceptor(ILogger<ResultFailureInterceptor> logger) : CallInterceptor
{
    protected override async Task AroundAsync(ServerCallContext context, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (GatewayRefusalException refusal)
        {
            LogRefused(logger, context.Method, refusal.Code.Value);
            throw ResultFailures.ToRpcException(ResultMessages.Refusal(refusal), refusal.Field);
        }
        catch (OperationFailedException failure)
        {
            LogRefused(logger, context.Method, failure.Result.Code);
            throw ResultFailures.ToRpcException(failure.Result);
        }
        catch (NordeaConnectException failure)
        {
            LogUpstreamFailure(logger, context.Method, failure.ResultCode.Value, failure.CorrelationId);
            throw ResultFailures.ToRpcException(ResultMessages.FromUpstream(failure));
        }
        catch (RpcException)
        {
            throw;
        }
        catch (Exception unreachable) when (unreachable is SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException)
        {
            // A node that held the entity died and the cluster has not yet noticed (that takes a few missed probes).
            // The journal makes a retry with the same idempotency key safe, so say so rather than "internal error".
            LogNodeUnreachable(logger, context.Method, unreachable.GetType().Name);
            throw ResultFailures.ToRpcException(ResultMessages.Of(
                ResultCode.UpstreamUnavailable,
                "The cluster node that holds this entity cannot be reached right now; retry with the same idempotency key"));
        }
        catch (TimeoutException)
        {
            // Orleans gave up waiting for the grain, which may still be working: the outcome is unknown, not an internal error.
            LogGrainTimeout(logger, context.Method);
            throw ResultFailures.ToRpcException(ResultMessages.Of(
                ResultCode.OutcomeUnknown,
                "The cluster node that holds this entity did not answer in time; whether the operation was carried out is unknown. Retry with the same idempotency key"));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away or its deadline passed; the server answers CANCELLED/DEADLINE_EXCEEDED itself.
            throw;
        }
        catch (Exception fault)
        {
            var correlationId = CallCorrelation.Current ?? CallCorrelation.NewId();
            LogUnexpected(logger, fault, context.Method, correlationId);
            throw ResultFailures.ToRpcException(ResultMessages.Of(
                ResultCode.InternalError,
                $"The gateway failed to process the request; quote correlation id {correlationId} when reporting it"));
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {Method} answered with result {ResultCode}")]
    private static partial void LogRefused(ILogger logger, string method, string resultCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {Method} failed upstream with result {ResultCode} (correlation {CorrelationId})")]
    private static partial void LogUpstreamFailure(ILogger logger, string method, string resultCode, string? correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} could not reach the cluster node holding its entity ({Failure}); answered retryable")]
    private static partial void LogNodeUnreachable(ILogger logger, string method, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} got no answer from its grain within the cluster's response timeout; answered outcome unknown")]
    private static partial void LogGrainTimeout(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {Method} failed unexpectedly (correlation {CorrelationId})")]
    private static partial void LogUnexpected(ILogger logger, Exception fault, string method, string correlationId);
}
