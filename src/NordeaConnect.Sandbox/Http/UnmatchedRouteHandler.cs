using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using NordeaConnect.Sandbox.Errors;

namespace NordeaConnect.Sandbox.Http;

/// <summary>
/// Answers API paths no endpoint took: 405 with an Allow header when the path exists for other methods (the
/// fallback would otherwise hide the framework's 405), else 404 — both with an error object.
/// </summary>
internal sealed class UnmatchedRouteHandler(EndpointDataSource endpoints)
{
    private IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? _routes;

    public IResult Handle(HttpContext http)
    {
        var allowed = Routes()
            .Where(route => route.Matcher.TryMatch(http.Request.Path, []))
            .SelectMany(route => route.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (allowed.Count == 0)
        {
            return ApiErrorFilter.ToResult(http, new ApiException(SandboxErrors.RouteNotFound, http.Request.Path));
        }

        http.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiErrorFilter.ToResult(http, new ApiException(SandboxErrors.MethodNotAllowed, http.Request.Method, string.Join(", ", allowed)));
    }

    private IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Routes() =>
        _routes ??= endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } && !e.RoutePattern.RawText!.Contains("**", StringComparison.Ordinal))
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), []), e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))
            .ToList();
}
