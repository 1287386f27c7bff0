using NordeaConnect.Gateway.Tests.EndToEnd;

namespace NordeaConnect.Gateway.Tests.Interop;

/// <summary>Debian's python3-grpcio (C-core) drives every method of the gateway.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PythonGatewayInteropTests(GatewayFixture gateway)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Every_service_method_works_from_python_grpcio()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: apt-get install -y python3-grpcio python3-protobuf");
        var descriptorSet = InteropClientRun.WriteDescriptorSet();
        try
        {
            var run = await InteropClientRun.RunAsync(Python,
            [
                Path.Combine(InteropClientRun.InteropDirectory, "gateway", "gateway_client.py"),
                "--target", gateway.Target,
                "--descriptor-set", descriptorSet,
                "--token", GatewayFixture.AllScopes,
                "--read-token", GatewayFixture.ReadOnly,
            ]);

            run.AssertEveryScenarioPassed();
        }
        finally
        {
            File.Delete(descriptorSet);
        }
    }
}
