using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// Turns a validated JWT into the gateway's caller (named after its subject, one scope claim per gateway scope found
/// in <c>scope</c> or <c>scp</c>) and a refused one into a description naming the check that failed, for the
/// PERMISSION_DENIED answer (a well-formed Bearer token the gateway does not accept is an invalid access token: 403). Neither the token nor the validator's message (which may quote claims) is sent or logged.
/// </summary>
internal sealed partial class JwtAccessTokenEvents(JwtAccessTokenSettings settings, ILogger<JwtAccessTokenEvents> logger) : JwtBearerEvents
{
    /// <summary>The authentication type of a principal made from a JWT; <see cref="CallerIdentity"/> reads it.</summary>
    public const string AuthenticationType = "jwt";

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (check, description) = Describe(context.Exception);
        LogRefused(logger, check, context.Request.Path.Value ?? string.Empty);
        context.HttpContext.Features.Set(BearerTokenRefusal.InvalidToken(description));
        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.Principal;
        var subject = token?.FindFirst("sub")?.Value ?? token?.FindFirst("client_id")?.Value ?? token?.FindFirst("azp")?.Value;
        if (token is null || string.IsNullOrWhiteSpace(subject))
        {
            LogRefused(logger, "subject", context.Request.Path.Value ?? string.Empty);
            const string Description = "The access token names no subject (sub, client_id or azp claim): the gateway records who made every change";
            context.HttpContext.Features.Set(BearerTokenRefusal.InvalidToken(Description));
            context.Fail(Description);
            return Task.CompletedTask;
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, subject) };
        if (token.FindFirst("iss")?.Value is { } issuer)
        {
            claims.Add(new Claim("iss", issuer));
        }

        var scopes = AccessScopes.None;
        foreach (var claim in token.FindAll(c => c.Type is "scope" or "scp"))
        {
            foreach (var name in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var bare = settings.ScopePrefix.Length > 0 && name.StartsWith(settings.ScopePrefix, StringComparison.Ordinal) ? name[settings.ScopePrefix.Length..] : name;
                if (AccessScopeNames.TryParse(bare, out var scope))
                {
                    scopes |= scope;
                }
            }
        }

        claims.AddRange(AccessScopeNames.All.Where(s => scopes.HasFlag(s.Scope)).Select(s => new Claim(GatewayPolicies.ScopeClaim, s.Name)));
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationType));
        return Task.CompletedTask;
    }

    /// <summary>Which validation check refused the token, in words safe to send back.</summary>
    internal static (string Check, string Description) Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => ("expiry", "The access token has expired (exp is in the past): get a new one from the identity provider"),
        SecurityTokenNotYetValidException => ("not-before", "The access token is not valid yet (nbf is in the future): check the clocks of the identity provider and the caller"),
        SecurityTokenInvalidLifetimeException or SecurityTokenNoExpirationException => ("lifetime", "The access token's lifetime (exp, nbf) is missing or invalid"),
        SecurityTokenInvalidAudienceException => ("audience", "The access token's audience (aud) is not this gateway: ask the identity provider for a token for this gateway's audience"),
        SecurityTokenInvalidIssuerException => ("issuer", "The access token's issuer (iss) is not a trusted identity provider"),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ("signature", "The access token's signature does not verify with the identity provider's keys"),
        SecurityTokenInvalidAlgorithmException => ("algorithm", "The access token is signed with an algorithm the gateway does not accept"),
        SecurityTokenMalformedException or ArgumentException => ("format", "The access token is not a well-formed JWT"),
        _ => ("validation", "The access token could not be validated"),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {Method} presented a JWT refused by the {Check} check")]
    private static partial void LogRefused(ILogger logger, string check, string method);
}
