using System.Security.Claims;

namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// How the audit trail names a caller: <c>token:&lt;name&gt;</c> for a static token (its configured name) and
/// <c>jwt:&lt;subject&gt;</c> for an identity provider's token. Never the token itself.
/// </summary>
public static class CallerIdentity
{
    /// <summary>The Orleans RequestContext key the caller travels under into grain calls (the journal reads it).</summary>
    public const string RequestContextKey = Grains.JournalEntry.CallerRequestContextKey;

    public static string? Of(ClaimsPrincipal? principal)
    {
        var identity = principal?.Identity;
        if (identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return null;
        }

        return identity.AuthenticationType == JwtAccessTokenEvents.AuthenticationType ? "jwt:" + name : "token:" + name;
    }
}
