using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// Sends refusals and upstream failures as the caller should see them: a gRPC status chosen from the result code,
/// the result in trailers. Services simply let these exceptions through, so none of them repeats this mapping. Any
/// other fault answers 900.900.005 with the call's correlation id; its text goes to the log only.
/// </summary>
internal sealed partial class ResultFailureInterceptor(ILogger<ResultFailureInterceptor> logger) : Interceptor
{
    // Overridden directly rather than through CallInterceptor: one state machine per call, no closure (the cached Get path).
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception failure) when (Answer(failure, context) is { } answer)
        {
            throw answer;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception failure) when (Answer(failure, context) is { } answer)
        {
            throw answer;
        }
    }

    /// <summary>The answer to <paramref name="failure"/>, or null when it goes on as it is (an RpcException, the caller's cancellation).</summary>
    private RpcException? Answer(Exception failure, ServerCallContext context)
    {
        switch (failure)
        {
            case GatewayRefusalException refusal:
                LogRefused(logger, context.Method, refusal.Code.Value);
                return ResultFailures.ToRpcException(ResultMessages.Refusal(refusal), refusal.Field);
            case OperationFailedException operation:
                LogRefused(logger, context.Method, operation.Result.Code);
                return ResultFailures.ToRpcException(operation.Result);
            case NordeaConnectException upstream:
                LogUpstreamFailure(logger, context.Method, upstream.ResultCode.Value, upstream.CorrelationId);
                return ResultFailures.ToRpcException(ResultMessages.FromUpstream(upstream));
            case RpcException:
                return null;
            case SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException:
                // A node that held the entity died and the cluster has not yet noticed (that takes a few missed probes).
                // The journal makes a retry with the same idempotency key safe, so say so rather than "internal error".
                LogNodeUnreachable(logger, context.Method, failure.GetType().Name);
                return ResultFailures.ToRpcException(ResultMessages.Of(
                    ResultCode.UpstreamUnavailable,
                    "The cluster node that holds this entity cannot be reached right now; retry with the same idempotency key"));
            case TimeoutException:
                // Orleans gave up waiting for the grain, which may still be working: the outcome is unknown, not an internal error.
                LogGrainTimeout(logger, context.Method);
                return ResultFailures.ToRpcException(ResultMessages.Of(
                    ResultCode.OutcomeUnknown,
                    "The cluster node that holds this entity did not answer in time; whether the operation was carried out is unknown. Retry with the same idempotency key"));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                // The caller went away or its deadline passed; the server answers CANCELLED/DEADLINE_EXCEEDED itself.
                return null;
            default:
                var correlationId = CallCorrelation.Current ?? CallCorrelation.NewId();
                LogUnexpected(logger, failure, context.Method, correlationId);
                return ResultFailures.ToRpcException(ResultMessages.Of(
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

