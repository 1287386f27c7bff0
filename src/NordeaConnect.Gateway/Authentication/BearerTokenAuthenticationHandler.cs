using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

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

    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers.Authorization;
        if (values.Count == 0)
        {
            return Task.FromResult(Refuse("No access token: send the metadata 'authorization: Bearer <token>'"));
        }

        var value = (values.Count == 1 ? values[0] : null).AsSpan().Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value[Prefix.Length..].Trim().IsEmpty)
        {
            return Task.FromResult(Refuse("Malformed authorization metadata: expected 'Bearer <token>'"));
        }

        var caller = tokens.Authenticate(value[Prefix.Length..].Trim());
        if (caller is null)
        {
            LogUnknownToken(Logger, Request.Path.Value ?? string.Empty, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(Refuse("Unknown access token"));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, caller.TokenName) };
        claims.AddRange(AccessScopeNames.All.Where(s => caller.Scopes.HasFlag(s.Scope)).Select(s => new Claim(GatewayPolicies.ScopeClaim, s.Name)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>The refusal's description, for the UNAUTHENTICATED answer written by <see cref="GrpcAuthorizationResultHandler"/>.</summary>
    private AuthenticateResult Refuse(string description)
    {
        Context.Features.Set(new BearerTokenRefusal(description));
        return AuthenticateResult.Fail(description);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} from {Peer} presented an unknown access token")]
    private static partial void LogUnknownToken(ILogger logger, string method, string peer);
}

/// <summary>Why the call's token was refused, in words safe to send back (never the token).</summary>
internal sealed record BearerTokenRefusal(string Description);
