using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Observability;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// Answers a refused gRPC call as gRPC, not with HTTP 401/403: UNAUTHENTICATED 100.400.401 for an invalid
/// authorization header, PERMISSION_DENIED 100.400.403 for an invalid access token or a missing scope (see
/// <see cref="BearerTokenRefusal"/>), as a Trailers-Only response with the result code and status details, counted in the call metrics.
/// Other requests get ASP.NET Core's usual answer.
/// </summary>
internal sealed partial class GrpcAuthorizationResultHandler(ILogger<GrpcAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !(GrpcAnswers.IsGrpc(context.Request) || JsonApiAnswers.IsJsonApi(context)))
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var method = context.Request.Path.Value ?? string.Empty;
        Grains.V1.Result result;
        if (authorizeResult.Forbidden)
        {
            var scope = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "?";
            LogMissingScope(logger, context.User.Identity?.Name ?? "unknown", method, scope);
            result = ResultMessages.Of(ResultCode.PermissionDenied, $"The access token lacks the '{scope}' scope that {method} needs");
        }
        else
        {
            var refusal = context.Features.Get<BearerTokenRefusal>() ?? BearerTokenRefusal.MalformedHeader(BearerAuthorizationHeader.Missing);
            result = ResultMessages.Of(refusal.Code, refusal.Description);
        }

        context.RequestServices.GetService<GatewayMetrics>()?.RecordCall(method, result.Code[..3], TimeSpan.Zero);
        if (JsonApiAnswers.IsJsonApi(context)) return JsonApiAnswers.WriteAsync(context.Response, result, ResultStatusCodes.For(ResultCode.Parse(result.Code)));
        GrpcAnswers.WriteTrailersOnly(context.Response, result, ResultStatusCodes.For(ResultCode.Parse(result.Code)));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token {TokenName} lacks scope {Scope} for {Method}")]
    private static partial void LogMissingScope(ILogger logger, string tokenName, string method, string scope);
}
