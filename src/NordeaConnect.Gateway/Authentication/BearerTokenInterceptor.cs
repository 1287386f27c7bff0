using Grpc.Core;
using Microsoft.Extensions.Logging;
using NordeaConnect.Contracts;
using NordeaConnect.Gateway.Facade;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// Checks the <c>authorization: Bearer &lt;token&gt;</c> metadata of every call to a façade service:
/// UNAUTHENTICATED (100.400.401) when it is missing, malformed or unknown, PERMISSION_DENIED (100.400.403) when the
/// token lacks the method's scope. The token is never logged; only the configured token's name is.
/// </summary>
internal sealed partial class BearerTokenInterceptor(AccessTokenRegistry tokens, ILogger<BearerTokenInterceptor> logger) : CallInterceptor
{
    private const string Scheme = "Bearer ";

    protected override Task AroundAsync(ServerCallContext context, Func<Task> next)
    {
        var required = MethodScopes.For(context.Method);
        if (required is not { } scope)
        {
            return next();
        }

        var header = context.RequestHeaders.Get(GatewayHeaders.Authorization);
        if (header is null || header.IsBinary)
        {
            throw Refuse(ResultCode.Unauthenticated, "No access token: send the metadata 'authorization: Bearer <token>'");
        }

        var value = header.Value.AsSpan().Trim();
        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value[Scheme.Length..].Trim().IsEmpty)
        {
            throw Refuse(ResultCode.Unauthenticated, "Malformed authorization metadata: expected 'Bearer <token>'");
        }

        var caller = tokens.Authenticate(value[Scheme.Length..].Trim());
        if (caller is null)
        {
            LogUnknownToken(logger, context.Method, context.Peer);
            throw Refuse(ResultCode.Unauthenticated, "Unknown access token");
        }

        if ((caller.Scopes & scope) != scope)
        {
            LogMissingScope(logger, caller.TokenName, context.Method, AccessScopeNames.Format(scope));
            throw Refuse(
                ResultCode.PermissionDenied,
                $"The access token lacks the '{AccessScopeNames.Format(scope)}' scope that {context.Method} needs");
        }

        context.UserState[typeof(AuthenticatedCaller)] = caller;
        return next();
    }

    private static RpcException Refuse(ResultCode code, string description) =>
        ResultFailures.ToRpcException(ResultMessages.Of(code, description));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} from {Peer} presented an unknown access token")]
    private static partial void LogUnknownToken(ILogger logger, string method, string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token {TokenName} lacks scope {Scope} for {Method}")]
    private static partial void LogMissingScope(ILogger logger, string tokenName, string method, string scope);
}
