using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// Failures as a caller of the JSON API (JSON transcoding, the <c>google.api.http</c> routes) sees them: the HTTP status
/// JSON transcoding maps the gRPC status to, the result code in the <c>nc-result-code</c> header, and the same
/// <c>google.rpc.Status</c> a gRPC caller unpacks from <c>grpc-status-details-bin</c> as the JSON body.
/// </summary>
internal static class JsonApiAnswers
{
    /// <summary>The detail types a failure's <c>google.rpc.Status</c> carries, so its <c>Any</c>s format and parse as JSON.</summary>
    public static readonly TypeRegistry StatusDetailTypes = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor);

    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(StatusDetailTypes));

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(StatusDetailTypes).WithIgnoreUnknownFields(true));

    /// <summary>Whether the request reached a gRPC method through its HTTP/JSON route.</summary>
    public static bool IsJsonApi(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;

    /// <summary>Answers <paramref name="result"/> as a JSON API failure.</summary>
    public static Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, Result result, StatusCode status, string? field = null)
    {
        var message = ResultFailures.HumanReadable(result);
        return WriteAsync(response, result.Code, ResultFailures.ToStatus(result, status, message, field));
    }

    public static Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, string resultCode, Google.Rpc.Status status)
    {
        response.StatusCode = HttpStatusFor((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[ResultTrailers.CodeKey] = resultCode;
        return response.WriteAsync(Formatter.Format(status));
    }

    /// <summary>The <c>google.rpc.Status</c> in a JSON failure body, or null when the body is not one.</summary>
    public static Google.Rpc.Status? TryReadStatus(string body)
    {
        try
        {
            return Parser.Parse<Google.Rpc.Status>(body);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
        catch (InvalidJsonException)
        {
            return null;
        }
    }

    /// <summary>The reason of the status's <c>ErrorInfo</c> in the gateway's domain: the result code.</summary>
    public static string? ResultCodeOf(Google.Rpc.Status status)
    {
        foreach (var detail in status.Details)
        {
            if (detail.TryUnpack<ErrorInfo>(out var info) && info.Domain == ResultTrailers.ErrorDomain)
            {
                return info.Reason;
            }
        }

        return null;
    }

    /// <summary>As JSON transcoding maps a gRPC status (google.rpc.Code's HTTP mapping), so every JSON failure agrees.</summary>
    public static int HttpStatusFor(StatusCode status) => status switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => StatusCodes.Status408RequestTimeout,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
