namespace NordeaConnect.Gateway.Authentication;

/// <summary>
/// The authentication schemes of the façade. Callers always send <c>authorization: Bearer &lt;token&gt;</c>;
/// <see cref="Caller"/> looks at the token's shape and hands it to the JWT scheme (a signed JSON Web Token from the
/// identity provider, configured under <c>Authentication:Schemes:Bearer</c>) or to the static token registry.
/// </summary>
public static class GatewayAuthenticationSchemes
{
    /// <summary>The scheme the policies name: forwards to <see cref="Jwt"/> or <see cref="StaticToken"/>.</summary>
    public const string Caller = "Caller";

    /// <summary>ASP.NET Core's JwtBearer handler; named "Bearer" so the standard configuration section binds it.</summary>
    public const string Jwt = "Bearer";

    /// <summary>The configured static tokens (<c>Gateway:Tokens</c>).</summary>
    public const string StaticToken = "StaticToken";

    /// <summary>
    /// Whether the presented authorization looks like a JWS in compact form: three base64url parts whose header is a
    /// JSON object (so it starts with "eyJ", the encoding of <c>{"</c>). Static tokens are random text and never match.
    /// </summary>
    public static bool LooksLikeJwt(ReadOnlySpan<char> authorization)
    {
        const string Prefix = "Bearer ";
        var value = authorization.Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = value[Prefix.Length..].Trim();
        return token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count('.') == 2;
    }
}
