using Microsoft.AspNetCore.Http;
using NordeaConnect.Grpc.Wire;

namespace NordeaConnect.Grpc.Server;

/// <summary>The checks a request passes before it is treated as a gRPC call.</summary>
internal static class GrpcRequestValidation
{
    /// <summary>
    /// False when the request is not gRPC at all and has been answered with a plain HTTP status (415, 426).
    /// Otherwise true, with the parsed timeout and, when the call must be refused, the gRPC status to refuse it with.
    /// </summary>
    /// <summary>The first value of a header, or null when absent.</summary>
    public static string? SingleHeader(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public static bool TryAccept(HttpContext httpContext, out TimeSpan? timeout, out Status? refusal)
    {
        timeout = null;
        refusal = null;
        var request = httpContext.Request;
        var response = httpContext.Response;

        if (!GrpcHeaderNames.IsGrpcContentType(request.ContentType))
        {
            // PROTOCOL-HTTP2: a non-gRPC content type gets HTTP 415 so that non-gRPC clients do not read a 200 as success.
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            response.Headers[GrpcHeaderNames.Status] = StatusCodeText.Of(StatusCode.Internal);
            response.Headers[GrpcHeaderNames.Message] = StatusMessageEncoding.Encode($"Content-Type '{request.ContentType}' is not supported; gRPC requires application/grpc.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            // gRPC needs trailers and full-duplex streams, which HTTP/1.1 cannot carry.
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            response.Headers.Upgrade = "h2c";
            return false;
        }

        if (!string.Equals(request.Method, HttpMethods.Post, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return false;
        }

        var timeoutHeader = SingleHeader(request.Headers, GrpcHeaderNames.Timeout);
        if (timeoutHeader is not null)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                refusal = new Status(StatusCode.Internal, $"Malformed grpc-timeout '{timeoutHeader}': expected 1 to 8 digits followed by H, M, S, m, u or n.");
                return true;
            }

            timeout = parsed;
        }

        var encoding = SingleHeader(request.Headers, GrpcHeaderNames.Encoding);
        if (encoding is not null && !MessageCompression.IsSupported(encoding))
        {
            // compression.md: an unsupported algorithm is UNIMPLEMENTED, with grpc-accept-encoding listing what is (always sent).
            refusal = new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding '{encoding}'; supported: {MessageCompression.AcceptEncodingValue}.");
        }

        return true;
    }
}
