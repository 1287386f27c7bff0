using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.Transactions;

namespace NordeaConnect.Sandbox.Hosting;

/// <summary>Maps the sandbox's endpoints: the API under <c>{prefix}/v1</c> and the sandbox-only ones under <c>{prefix}/_sandbox</c>.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    public static RouteGroupBuilder MapNordeaConnectSandbox(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        endpoints.ServiceProvider.GetRequiredService<SandboxRoutes>().Prefix = prefix.TrimEnd('/');
        var root = endpoints.MapGroup(prefix);

        var v1 = root.MapGroup("/v1")
            .AddEndpointFilter<ApiErrorFilter>()
            .AddEndpointFilter<BasicAuthenticationFilter>();
        v1.MapTransactionEndpoints();
        v1.MapRefundEndpoints();
        v1.MapFallback("{**path}", (HttpContext http) => ApiErrorFilter.ToResult(http, new ApiException(SandboxErrors.RouteNotFound, http.Request.Path)));

        root.MapSandboxClockEndpoints();
        return root;
    }
}
