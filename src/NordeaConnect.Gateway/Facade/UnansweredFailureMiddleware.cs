using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Hosting;
using NordeaConnect.Gateway.Observability.Correlation;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// Gives a result code to the failures Grpc.AspNetCore produces outside the services, where no interceptor runs: a
/// request frame or message that does not decode, malformed metadata, a message over the size limit (either way), an
/// unknown method, the caller's deadline or cancellation. Every non-OK answer then carries <c>nc-result-code</c>,
/// <c>nc-result-bin</c> and a <c>google.rpc.Status</c>, as the services' own refusals do. Grpc.AspNetCore answers a
/// request it could not read with UNKNOWN "Exception was thrown by handler."; any fault inside a service is already
/// answered by <see cref="ResultFailureInterceptor"/>, so an UNKNOWN arriving here is always such a request and is
/// answered INVALID_ARGUMENT.
/// </summary>
internal sealed class UnansweredFailureMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!GrpcAnswers.IsGrpc(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
        if (!context.Response.HasStarted)
        {
            // Trailers-Only: the status travels in the headers.
            Complete(context.Response.Headers);
        }
        else if (context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { IsReadOnly: false } trailers)
        {
            Complete(trailers);
        }
    }

    private static void Complete(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue(GrpcAnswers.StatusKey, out var statusText) || headers.ContainsKey(ResultTrailers.CodeKey)
            || !int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return;
        }

        var status = (StatusCode)number;
        var (answered, code, description) = Classify(status, jsonApi: false);
        GrpcAnswers.WriteStatus(headers, ResultMessages.Of(code, description), answered);
    }

    /// <summary>The answer to a failure that reached no service; <paramref name="jsonApi"/> for a call through its HTTP/JSON route.</summary>
    internal static (StatusCode Answered, ResultCode Code, string Description) Classify(StatusCode status, bool jsonApi) => status switch
    {
        StatusCode.Unknown or StatusCode.Internal or StatusCode.InvalidArgument when jsonApi => (
            StatusCode.InvalidArgument,
            ResultCode.InvalidArgument,
            "The request could not be read: send a JSON object of the method's request type (proto3 JSON: field names as in the proto or in lowerCamelCase, 64-bit integers as strings) with content-type application/json, and path values of the right type"),
        StatusCode.Unauthenticated => (status, ResultCode.Unauthenticated, "No valid access token: send the header 'authorization: Bearer <token>'"),
        StatusCode.PermissionDenied => (status, ResultCode.PermissionDenied, "The access token lacks the scope this method needs"),
        StatusCode.Unknown or StatusCode.Internal => (
            StatusCode.InvalidArgument,
            ResultCode.InvalidArgument,
            "The request could not be read: send one protobuf message of the method's request type in a gRPC frame (compressed only with a grpc-encoding the gateway accepts), and -bin metadata in base64"),
        StatusCode.ResourceExhausted => (
            status,
            ResultCode.InvalidArgument,
            $"The request or its answer exceeds the {GatewayServiceCollectionExtensions.MaxMessageSize / (1024 * 1024)} MiB message limit; for a list, ask for a smaller limit"),
        StatusCode.Unimplemented when jsonApi => (status, ResultCode.InvalidArgument, "No such route or method: the JSON API's routes are in the OpenAPI document at /openapi/v1.json"),
        StatusCode.Unimplemented => (status, ResultCode.InvalidArgument, "No such service or method: the gateway serves the nordeaconnect.grains.v1 protos (server reflection lists them)"),
        StatusCode.NotFound => (status, ResultCode.NotFound, "No such entity or service"),
        StatusCode.DeadlineExceeded or StatusCode.Cancelled => (
            status,
            ResultCode.OutcomeUnknown,
            "The call ended (deadline or cancellation) before the gateway answered; a change it asked for may still happen: read the entity back"),
        StatusCode.Unavailable => (status, ResultCode.UpstreamUnavailable, "The gateway is shutting down or cannot serve now; retry"),
        _ => (
            StatusCode.Internal,
            ResultCode.InternalError,
            $"The gateway failed to process the request; quote correlation id {CallCorrelation.Current ?? CallCorrelation.NewId()} when reporting it"),
    };
}
