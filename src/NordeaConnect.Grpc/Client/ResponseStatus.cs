using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Client;

/// <summary>Reads a call's status from response headers or trailers, and synthesizes one when a response has none.</summary>
internal static class ResponseStatus
{
    /// <summary>The status in <paramref name="headers"/>, or null when they carry no <c>grpc-status</c>.</summary>
    public static Status? TryRead(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcHeaderNames.Status, out var statusValues))
        {
            return null;
        }

        var detail = headers.TryGetValues(GrpcHeaderNames.Message, out var messageValues)
            ? StatusMessageEncoding.Decode(string.Join(",", messageValues))
            : string.Empty;
        var raw = statusValues.FirstOrDefault();
        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Response carried an unparsable grpc-status '{raw}'. {detail}".TrimEnd());
        }

        // statuscodes.md: a code outside the known range is treated as UNKNOWN.
        return code is >= 0 and <= 16 ? new Status((StatusCode)code, detail) : new Status(StatusCode.Unknown, detail);
    }

    /// <summary>http-grpc-status-mapping.md: the status for a response whose HTTP status is not 200.</summary>
    public static Status FromHttpStatus(HttpStatusCode httpStatus)
    {
        var code = httpStatus switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, string.Create(CultureInfo.InvariantCulture, $"Bad gRPC response: HTTP status {(int)httpStatus} {httpStatus}."));
    }

    /// <summary>PROTOCOL-HTTP2: the status for a stream the server reset, from the RST_STREAM error code.</summary>
    public static Status FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => new Status(StatusCode.Unavailable, "The server refused the stream (REFUSED_STREAM); no processing occurred."),
        0x8 => new Status(StatusCode.Cancelled, "The server cancelled the stream (CANCEL)."),
        0xb => new Status(StatusCode.ResourceExhausted, "The server asked to reduce load (ENHANCE_YOUR_CALM)."),
        0xc => new Status(StatusCode.PermissionDenied, "The connection is not secure enough for this call (INADEQUATE_SECURITY)."),
        _ => new Status(StatusCode.Internal, string.Create(CultureInfo.InvariantCulture, $"The server reset the stream with HTTP/2 error 0x{errorCode:x}.")),
    };
}
