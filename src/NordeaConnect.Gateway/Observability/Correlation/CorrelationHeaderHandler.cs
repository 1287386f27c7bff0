using Microsoft.Extensions.Logging;
using NordeaConnect.Client;

namespace NordeaConnect.Gateway.Observability.Correlation;

/// <summary>
/// In the Nordea Connect client's handler chain: a request made while serving a gRPC call carries that call's
/// correlation id in <c>X-Correlation-Id</c> instead of the per-request id the client generated, so the upstream's
/// logs, ours and the caller's trailer all name the same id. Requests made outside a call are left alone.
/// </summary>
public sealed partial class CorrelationHeaderHandler(ILogger<CorrelationHeaderHandler> logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CallCorrelation.Current is { } callId)
        {
            var clientId = request.Headers.NonValidated.TryGetValues(NordeaConnectHttp.CorrelationHeader, out var values) ? values.ToString() : null;
            if (!string.Equals(clientId, callId, StringComparison.Ordinal))
            {
                request.Headers.Remove(NordeaConnectHttp.CorrelationHeader);
                request.Headers.TryAddWithoutValidation(NordeaConnectHttp.CorrelationHeader, callId);
                // The client's span named the id it generated; the one sent is the call's.
                System.Diagnostics.Activity.Current?.SetTag(CallCorrelation.ActivityKey, callId);
                LogCarried(logger, clientId, callId);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upstream request {ClientCorrelationId} sent with the call's correlation id {CorrelationId}")]
    private static partial void LogCarried(ILogger logger, string? clientCorrelationId, string correlationId);
}
