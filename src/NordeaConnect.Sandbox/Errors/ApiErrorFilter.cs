using NordeaConnect.Sandbox.Json;

namespace NordeaConnect.Sandbox.Errors;

/// <summary>Turns a refused request into the reference's error object, in the request's locale.</summary>
internal sealed class ApiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiException refused)
        {
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
}
