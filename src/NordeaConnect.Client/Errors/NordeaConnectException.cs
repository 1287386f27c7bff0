using System.Net;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <summary>
/// A call to Nordea Connect did not succeed: the upstream refused it (HTTP 4xx with its error object), failed
/// (5xx), or could not be reached. <see cref="ResultCode"/> says which, in the service's own terms.
/// Messages never contain card data, passwords or secrets: only the method, path, status and upstream error.
/// </summary>
public class NordeaConnectException : Exception
{
    public NordeaConnectException(string message)
        : base(message)
    {
        ResultCode = ResultCode.InternalError;
    }

    public NordeaConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
        ResultCode = ResultCode.InternalError;
    }

    public NordeaConnectException(
        string message,
        ResultCode resultCode,
        HttpStatusCode? statusCode,
        UpstreamErrorBody? upstreamError,
        string? correlationId,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ResultCode = resultCode;
        StatusCode = statusCode;
        UpstreamError = upstreamError;
        CorrelationId = correlationId;
    }

    /// <summary>The service's result code for this failure (e.g. 200.x for upstream validation, 900.100.002 for 5xx).</summary>
    public ResultCode ResultCode { get; }

    /// <summary>The HTTP status the upstream answered with; null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The upstream's <c>{name, code, description}</c>, when it sent one.</summary>
    public UpstreamErrorBody? UpstreamError { get; }

    /// <summary>The id this client logged the call under, to find it in the logs.</summary>
    public string? CorrelationId { get; }
}
