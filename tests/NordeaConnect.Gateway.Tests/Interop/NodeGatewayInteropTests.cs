using NordeaConnect.Gateway.Tests.EndToEnd;

namespace NordeaConnect.Gateway.Tests.Interop;

/// <summary>npm's @grpc/grpc-js (pure JavaScript) drives every method of the gateway, with the protos loaded at run time.</summary>
[Collection(GatewayCollection.Name)]
public sealed class NodeGatewayInteropTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Every_service_method_works_from_grpc_js()
    {
        var modules = Path.Combine(InteropClientRun.InteropDirectory, "node", "node_modules", "@grpc", "grpc-js");
        Assert.True(Directory.Exists(modules), $"{modules} is missing: run npm ci --prefix tests/interop/node");
        var run = await InteropClientRun.RunAsync("node",
        [
            Path.Combine(InteropClientRun.InteropDirectory, "gateway", "gateway_client.js"),
            "--target", gateway.Target,
            "--token", GatewayFixture.AllScopes,
            "--read-token", GatewayFixture.ReadOnly,
        ]);

        run.AssertEveryScenarioPassed();
    }
}
