using System.Text;
using Grpc.Core;

namespace NordeaConnect.Gateway.Facade;

/// <summary>
/// Gives every failed JSON API call a result code. Failures from the services already carry their
/// <c>google.rpc.Status</c> (JSON transcoding writes the <c>grpc-status-details-bin</c> trailer as the body); this adds
/// the <c>nc-result-code</c> header to them, and answers the ones JSON transcoding produces before a service runs (a body
/// that is not JSON of the request type, a route value that does not parse) with a result code and details like the
/// gRPC path's, instead of a bare status. Only JSON API requests are buffered; gRPC calls pass straight through.
/// </summary>
internal sealed class JsonApiFailureMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!JsonApiAnswers.IsJsonApi(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode < StatusCodes.Status400BadRequest || response.Headers.ContainsKey(Contracts.ResultTrailers.CodeKey))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var status = JsonApiAnswers.TryReadStatus(text);
        if (status is not null && JsonApiAnswers.ResultCodeOf(status) is { } code)
        {
            response.Headers[Contracts.ResultTrailers.CodeKey] = code;
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var grpcStatus = status is null ? StatusCodeOfHttp(response.StatusCode) : (StatusCode)status.Code;
        var (answered, resultCode, description) = UnansweredFailureMiddleware.Classify(grpcStatus, jsonApi: true);
        response.Headers.ContentLength = null;
        await JsonApiAnswers.WriteAsync(response, Results.ResultMessages.Of(resultCode, description), answered).ConfigureAwait(false);
    }

    private static StatusCode StatusCodeOfHttp(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest or StatusCodes.Status415UnsupportedMediaType => StatusCode.InvalidArgument,
        StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
        StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => StatusCode.Unimplemented,
        StatusCodes.Status413PayloadTooLarge => StatusCode.ResourceExhausted,
        _ => StatusCode.Internal,
    };
}
