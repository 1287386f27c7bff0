using Microsoft.Extensions.Logging;
using NordeaConnect.Client;
using NordeaConnect.Grpc.Server;

namespace NordeaConnect.Gateway.Results;

/// <summary>
/// Sends refusals and upstream failures as the caller should see them: a gRPC status chosen from the result code,
/// the result in trailers. Services simply let these exceptions through, so none of them repeats this mapping.
/// </summary>
internal sealed partial class ResultFailureInterceptor(ILogger<ResultFailureInterceptor> logger) : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallContinuation next)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (GatewayRefusalException refusal)
        {
            LogRefused(logger, context.Method, refusal.Code.Value);
            throw ResultFailures.ToRpcException(ResultMessages.Refusal(refusal));
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
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {Method} answered with result {ResultCode}")]
    private static partial void LogRefused(ILogger logger, string method, string resultCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {Method} failed upstream with result {ResultCode} (correlation {CorrelationId})")]
    private static partial void LogUpstreamFailure(ILogger logger, string method, string resultCode, string? correlationId);
}
