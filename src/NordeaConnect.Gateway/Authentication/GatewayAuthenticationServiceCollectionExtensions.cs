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
        services.AddAuthentication(GatewayAuthenticationSchemes.Caller)
            .AddPolicyScheme(GatewayAuthenticationSchemes.Caller, "static token or JWT", options => options.ForwardDefaultSelector = context =>
                jwt.Enabled && GatewayAuthenticationSchemes.LooksLikeJwt(context.Request.Headers.Authorization.ToString())
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
            foreach (var scope in GatewayPolicies.All)
            {
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(GatewayAuthenticationSchemes.Caller)
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
