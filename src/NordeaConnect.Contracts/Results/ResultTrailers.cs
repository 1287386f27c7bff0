using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Contracts;

/// <summary>
/// How a failed call's <see cref="Result"/> reaches the caller. A non-OK gRPC status carries no response message,
/// so the gateway sends the result in trailers: <c>nc-result-code</c> (the <c>ddd.ddd.ddd</c> code as text, for
/// logs and simple clients), <c>nc-result-bin</c> (the whole <c>nordeaconnect.grains.v1.Result</c>, serialized:
/// code, description and Nordea Connect's error object) and the standard <c>grpc-status-details-bin</c>
/// (<c>google.rpc.Status</c> with an <c>ErrorInfo</c> whose reason is the code, in <see cref="ErrorDomain"/>).
/// <c>grpc-message</c> stays a human-readable sentence. OK responses carry the result in the message itself.
/// </summary>
public static class ResultTrailers
{
    public const string CodeKey = "nc-result-code";

    public const string ResultKey = "nc-result-bin";

    /// <summary>Where gRPC's rich error model puts the <c>google.rpc.Status</c>.</summary>
    public const string StatusDetailsKey = "grpc-status-details-bin";

    /// <summary>The <c>ErrorInfo.domain</c> of every gateway failure.</summary>
    public const string ErrorDomain = "nordeaconnect.grains.v1";

    public static void Write(Metadata trailers, Result result)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        ArgumentNullException.ThrowIfNull(result);
        trailers.Add(CodeKey, result.Code);
        trailers.Add(ResultKey, result.ToByteArray());
    }

    /// <summary>The result in <paramref name="trailers"/>, or null when they hold none (e.g. a transport failure).</summary>
    public static Result? Read(Metadata trailers)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        var bytes = trailers.GetValueBytes(ResultKey);
        if (bytes is not null)
        {
            try
            {
                return Result.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException)
            {
                // Fall through to the text code: a damaged binary trailer should not hide the code beside it.
            }
        }

        return trailers.GetValue(CodeKey) is { Length: > 0 } code ? new Result { Code = code } : null;
    }

    /// <summary>The gateway's result of a failed call, or null when the failure came from below the gateway.</summary>
    public static Result? GetResult(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Read(exception.Trailers);
    }

    /// <summary>The result code of a failed call (<c>nc-result-code</c>), or null when it has none.</summary>
    public static string? GetResultCode(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Trailers.GetValue(CodeKey);
    }

    /// <summary>The <c>ErrorInfo</c> of the call's <c>google.rpc.Status</c>, or null.</summary>
    public static ErrorInfo? GetErrorInfo(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
    }

    /// <summary>The <c>BadRequest</c> field violations of an INVALID_ARGUMENT answer, or null.</summary>
    public static BadRequest? GetBadRequest(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetRpcStatus()?.GetDetail<BadRequest>();
    }
}
