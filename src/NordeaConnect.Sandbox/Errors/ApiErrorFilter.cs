using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>Turns a refused request into the reference's error object, in the request's locale.</summary>
internal sealed partial class ApiErrorFilter(ILogger<ApiErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiException refused)
        {
            // Names and codes only: descriptions may echo what the caller sent.
            LogRefused(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, refused.HttpStatus, refused.Error.Name);
            return ToResult(context.HttpContext, refused);
        }
        catch (BadHttpRequestException)
        {
            // Kestrel's own refusals (a body cut short, a limit reached) are bad input too, never a 500.
            return ToResult(context.HttpContext, new ApiException(SandboxErrors.BadFormat));
        }
    }

    public static IResult ToResult(HttpContext http, ApiException refused)
    {
        var body = ErrorResponse.From(refused.Error, ResponseLocales.Of(http), refused.Arguments, refused.DescriptionOverride);
        return TypedResults.Json(body, SandboxJson.Context.ErrorResponse, statusCode: refused.HttpStatus);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status} {ErrorName}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string errorName);
}
