using System.Net;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// A write that is not safe to repeat was sent, but whether the upstream carried it out is unknown: it timed out,
/// the connection dropped after sending, or the upstream answered 5xx. It was not retried, because a retry could
/// pay or refund twice. Read the entity back (transaction status, its refunds) to reconcile.
/// </summary>
public sealed class NordeaConnectOutcomeUnknownException : NordeaConnectException
{
    public NordeaConnectOutcomeUnknownException(
        string message,
        HttpStatusCode? statusCode,
        UpstreamErrorBody? upstreamError,
        string? correlationId,
        Exception? innerException = null)
        : base(message, ResultCode.OutcomeUnknown, statusCode, upstreamError, correlationId, innerException)
    {
    }
}
