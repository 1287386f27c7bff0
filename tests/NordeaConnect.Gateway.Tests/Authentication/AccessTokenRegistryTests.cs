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
    public void Every_facade_method_has_a_scope_and_reads_need_only_read()
    {
        MethodScopes.EnsureCovers(MethodScopes.Services);
        foreach (var method in MethodScopes.Services.SelectMany(s => s.Methods))
        {
            var scope = MethodScopes.For("/" + method.Service.FullName + "/" + method.Name);
            var isRead = method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("List", StringComparison.Ordinal) || method.Name == "Watch";
            if (method.Service.Name == "WebhookTemplates")
            {
                Assert.Equal(AccessScopes.Admin, scope);
            }
            else if (isRead)
            {
                Assert.Equal(AccessScopes.Read, scope);
            }
            else
            {
                Assert.Equal(method.Name == "Refund" ? AccessScopes.Refund : AccessScopes.Write, scope);
            }
        }

        Assert.Null(MethodScopes.For("/grpc.health.v1.Health/Check"));
        Assert.Throws<InvalidOperationException>(() => MethodScopes.For("/nordeaconnect.grains.v1.Transactions/Nope"));
    }
}
