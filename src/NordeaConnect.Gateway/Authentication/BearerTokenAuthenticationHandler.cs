using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// Authenticates <c>authorization: Bearer &lt;token&gt;</c> against the configured tokens (digests compared in
/// constant time, see <see cref="AccessTokenRegistry"/>). The principal is named after the token's configured name and
/// holds one <see cref="GatewayPolicies.ScopeClaim"/> per scope. The token itself is never logged or kept.
/// </summary>
internal sealed partial class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenRegistry tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = GatewayAuthenticationSchemes.StaticToken;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerAuthorizationHeader.TryRead(Request.Headers.Authorization, out var token, out var problem))
        {
            return Task.FromResult(Refuse(BearerTokenRefusal.MalformedHeader(problem)));
        }

        var caller = tokens.Authenticate(token);
        if (caller is null)
        {
            LogUnknownToken(Logger, Request.Path.Value ?? string.Empty, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(Refuse(BearerTokenRefusal.InvalidToken("The access token is not one this gateway accepts (unknown or revoked): use a token configured for this gateway")));
        }

        var identity = new ClaimsIdentity(SchemeName);
        identity.AddClaim(new Claim(ClaimTypes.Name, caller.TokenName, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
        foreach (var (name, scope) in AccessScopeNames.All)
        {
            if ((caller.Scopes & scope) != 0)
            {
                identity.AddClaim(new Claim(GatewayPolicies.ScopeClaim, name, ClaimValueTypes.String, ClaimsIdentity.DefaultIssuer, ClaimsIdentity.DefaultIssuer, identity));
            }
        }

        var principal = new ClaimsPrincipal(identity);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>Keeps the refusal for the answer <see cref="GrpcAuthorizationResultHandler"/> writes.</summary>
    private AuthenticateResult Refuse(BearerTokenRefusal refusal)
    {
        Context.Features.Set(refusal);
        return AuthenticateResult.Fail(refusal.Description);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} from {Peer} presented an unknown access token")]
    private static partial void LogUnknownToken(ILogger logger, string method, string peer);
}

/// <summary>
/// Why the call's credentials were refused, in words safe to send back (never the token), and the result code that
/// answers it: an invalid authorization header (missing, another scheme, not AN2048) is UNAUTHENTICATED
/// <c>100.400.401</c>; a well-formed Bearer token the gateway does not accept (unknown, or a JWT failing validation) is
/// PERMISSION_DENIED <c>100.400.403</c>, as the conventions document's "HTTP Status Codes" fix 401 and 403.
/// </summary>
internal sealed record BearerTokenRefusal(ResultCode Code, string Description)
{
    public static BearerTokenRefusal MalformedHeader(string description) => new(ResultCode.Unauthenticated, description);

    public static BearerTokenRefusal InvalidToken(string description) => new(ResultCode.PermissionDenied, description);
}
