using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Audit;

namespace NordeaConnect.Gateway.Authentication;

public static class GatewayAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Authentication and authorization of the façade: static tokens from <paramref name="tokens"/>, JWTs from the
    /// identity provider when <paramref name="jwt"/> is enabled (ASP.NET Core's JwtBearer handler, bound to
    /// <c>Authentication:Schemes:Bearer</c>), one policy per scope over either, and gRPC answers for refusals.
    /// </summary>
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services, AccessTokenRegistry tokens, JwtAccessTokenSettings? jwt = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        jwt ??= JwtAccessTokenSettings.None;
        services.AddSingleton(tokens);
        services.AddSingleton(jwt);
        services.AddSingleton<JwtAccessTokenEvents>();
        // Without JWTs every token is a static one: authenticating with its scheme directly spares each call the
        // policy scheme's hop (a second handler built per call).
        services.AddAuthentication(jwt.Enabled ? GatewayAuthenticationSchemes.Caller : GatewayAuthenticationSchemes.StaticToken)
            .AddPolicyScheme(GatewayAuthenticationSchemes.Caller, "static token or JWT", options => options.ForwardDefaultSelector = context =>
                // A malformed header goes to the static scheme, which answers it as one (401) whatever the token looks like.
                jwt.Enabled && BearerAuthorizationHeader.IsWellFormed(context.Request.Headers.Authorization)
                    && GatewayAuthenticationSchemes.LooksLikeJwt(context.Request.Headers.Authorization.ToString())
                    ? GatewayAuthenticationSchemes.Jwt
                    : GatewayAuthenticationSchemes.StaticToken)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(GatewayAuthenticationSchemes.StaticToken, configureOptions: null)
            .AddJwtBearer(GatewayAuthenticationSchemes.Jwt, options =>
            {
                options.EventsType = typeof(JwtAccessTokenEvents);
                // Claims keep their JWT names (sub, scope, scp) instead of the WS-Federation URIs.
                options.MapInboundClaims = false;
            });
        services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, JwtPublicKeysPostConfigure>();
        services.AddAuthorization(options =>
        {
            // No scheme named in the policies: the authentication middleware has already authenticated the call with
            // the default scheme, and naming one makes the policy evaluator authenticate every call a second time.
            foreach (var scope in GatewayPolicies.All)
            {
                options.AddPolicy(scope, policy => policy
                    .RequireAuthenticatedUser()
                    .RequireClaim(GatewayPolicies.ScopeClaim, scope));
            }
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        // Outside the result interceptor, so the audit event sees the result code every failure ends with.
        services.Configure<GrpcServiceOptions>(options =>
        {
            options.Interceptors.Add<AuditInterceptor>();
            var registration = options.Interceptors[^1];
            options.Interceptors.RemoveAt(options.Interceptors.Count - 1);
            options.Interceptors.Insert(0, registration);
        });
        // A singleton: Grpc.AspNetCore otherwise builds one per call, and its per-method policy cache with it.
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditService>();
        // The handlers' own lines quote validator messages; the gateway logs which check failed instead.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning));
        return services;
    }

    /// <summary>Adds the PEM public keys of <c>PublicKeys:N:Path</c> to what the standard section configured.</summary>
    private sealed class JwtPublicKeysPostConfigure(JwtAccessTokenSettings settings) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            if (name != GatewayAuthenticationSchemes.Jwt || settings.PublicKeys.Count == 0)
            {
                return;
            }

            var configured = options.TokenValidationParameters.IssuerSigningKeys?.ToList() ?? [];
            options.TokenValidationParameters.IssuerSigningKeys = [.. configured, .. settings.PublicKeys];
        }
    }
}
