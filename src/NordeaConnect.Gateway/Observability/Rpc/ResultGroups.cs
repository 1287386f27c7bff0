using NordeaConnect.Contracts;
using Grpc.Core;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Observability.Rpc;

/// <summary>
/// The <c>result</c> label of call metrics: the first group of the result code (<c>000</c>, <c>100</c>, <c>200</c>,
/// <c>800</c>, <c>900</c>), or, for a call that ended without one, <c>cancelled</c>, <c>deadline</c> or <c>error</c>.
/// Few values on purpose: full result codes would multiply series without telling an operator more.
/// </summary>
public static class ResultGroups
{
    public const string Success = "000";
    public const string Cancelled = "cancelled";
    public const string DeadlineExceeded = "deadline";
    public const string Error = "error";

    /// <summary>The group of a call that ended with <paramref name="status"/> and <paramref name="trailers"/>.</summary>
    public static string For(StatusCode status, Metadata? trailers)
    {
        if (trailers?.GetValue(ResultTrailers.CodeKey) is { } text && ResultCode.TryParse(text, out var code))
        {
            return code.Value[..3];
        }

        return status switch
        {
            StatusCode.OK => Success,
            StatusCode.Cancelled => Cancelled,
            StatusCode.DeadlineExceeded => DeadlineExceeded,
            _ => Error,
        };
    }
}
