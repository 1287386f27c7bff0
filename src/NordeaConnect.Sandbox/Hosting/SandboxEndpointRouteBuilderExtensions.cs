using NordeaConnect.Sandbox.Checkout;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Dashboard;
using NordeaConnect.Sandbox.Errors;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.WebhookTemplates;

namespace NordeaConnect.Sandbox.Hosting;

/// <summary>Maps the sandbox: the API under <c>{prefix}/v1</c> and the sandbox-only endpoints under <c>{prefix}/_sandbox</c>.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>Adds fault injection to the app's pipeline, then maps the sandbox (what <c>Program.cs</c> and <see cref="SandboxServer"/> use).</summary>
    public static RouteGroupBuilder MapNordeaConnectSandbox(this WebApplication app, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSandboxFaults();
        return ((IEndpointRouteBuilder)app).MapNordeaConnectSandbox(prefix);
    }

    /// <summary>
    /// Maps the sandbox's endpoints under <paramref name="prefix"/>. A host embedding the sandbox calls this; faults
    /// then apply only if the host also calls <c>UseSandboxFaults()</c>.
    /// </summary>
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
        v1.MapStoredCardEndpoints();
        v1.MapPlanEndpoints();
        v1.MapSubscriptionEndpoints();
        v1.MapCustomerEndpoints();
        v1.MapWebhookTemplateEndpoints();
        v1.MapWebhookEndpoints();
        v1.MapFallback("{**path}", (HttpContext http, UnmatchedRouteHandler unmatched) => unmatched.Handle(http));

        root.MapSandboxClockEndpoints();
        root.MapSandboxFaultEndpoints();
        root.MapCheckoutEndpoints();
        root.MapSandboxDashboard();
        return root;
    }
}
