using Microsoft.Extensions.Configuration;
using NordeaConnect.Gateway.Authentication;

namespace NordeaConnect.Gateway.Tests.Authentication;

public sealed class AccessTokenRegistryTests
{
    [Fact]
    public void Tokens_authenticate_with_their_own_scopes_only()
    {
        var problems = new List<string>();
        var registry = AccessTokenConfiguration.Read(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gateway:Tokens:0:Name"] = "checkout",
                ["Gateway:Tokens:0:Token"] = "checkout-token-0000001",
                ["Gateway:Tokens:0:Scopes"] = "read write",
                ["Gateway:Tokens:1:Token"] = "support-token-00000001",
                ["Gateway:Tokens:1:Scopes:0"] = "read",
                ["Gateway:Tokens:1:Scopes:1"] = "refund",
            }).Build(),
            problems);

        Assert.Empty(problems);
        Assert.Equal(2, registry.Count);
        Assert.Equal(new AuthenticatedCaller("checkout", AccessScopes.Read | AccessScopes.Write), registry.Authenticate("checkout-token-0000001"));
        Assert.Equal(new AuthenticatedCaller("token 1", AccessScopes.Read | AccessScopes.Refund), registry.Authenticate("support-token-00000001"));
        Assert.Null(registry.Authenticate("checkout-token-0000002"));
        Assert.Null(registry.Authenticate("checkout-token-000000"));
        Assert.Null(registry.Authenticate(string.Empty));
    }

    [Fact]
    public void Scope_names_format_in_a_fixed_order() =>
        Assert.Equal("read refund admin", AccessScopeNames.Format(AccessScopes.Admin | AccessScopes.Read | AccessScopes.Refund));

    [Fact]
    public void Every_facade_method_names_one_scope_policy_and_reads_need_only_read()
    {
        var services = typeof(GatewayPolicies).Assembly.GetTypes()
            .Where(t => t.Namespace == "NordeaConnect.Gateway.Services" && t.IsClass && t.BaseType?.GetCustomAttributes(typeof(Grpc.Core.BindServiceMethodAttribute), false).Length > 0)
            .ToArray();
        Assert.Equal(9, services.Length);
        foreach (var service in services)
        {
            // Every rpc of the generated base, so a new rpc left unimplemented (or unannotated) fails here.
            foreach (var rpc in service.BaseType!.GetMethods().Where(m => m.IsVirtual && m.DeclaringType == service.BaseType))
            {
                var method = service.GetMethod(rpc.Name, rpc.GetParameters().Select(p => p.ParameterType).ToArray())!;
                Assert.True(method.DeclaringType == service, $"{service.Name} does not override {rpc.Name}");
                var policy = Assert.Single(method.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false).Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>()).Policy;
                var isRead = rpc.Name.StartsWith("Get", StringComparison.Ordinal) || rpc.Name.StartsWith("List", StringComparison.Ordinal) || rpc.Name == "Watch";
                var expected = service.Name == "WebhookTemplatesService" ? GatewayPolicies.Admin
                    : isRead ? GatewayPolicies.Read
                    : rpc.Name == "Refund" ? GatewayPolicies.Refund
                    : GatewayPolicies.Write;
                Assert.True(expected == policy, $"{service.Name}.{rpc.Name} names policy {policy}, expected {expected}");
            }
        }
    }
}
