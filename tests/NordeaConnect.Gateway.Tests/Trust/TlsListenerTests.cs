using System.Net;
using System.Net.Http;
using NordeaConnect.Gateway.Tests.Interop;

namespace NordeaConnect.Gateway.Tests.Trust;

/// <summary>
/// The gateway's TLS port, trusted through the CA made for this run: python3-grpcio and @grpc/grpc-js speak HTTP/2 to
/// it (ALPN h2), and an HTTP/1.1 client reaches the webhook intake on the same port.
/// </summary>
[Collection(TrustGatewayCollection.Name)]
public sealed class TlsListenerTests(TrustGatewayFixture gateway)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Python_grpcio_calls_the_tls_port_trusting_the_test_ca()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: apt-get install -y python3-grpcio python3-protobuf");
        var run = await InteropClientRun.RunAsync(Python, [Script("tls_call.py"), "--target", gateway.Target, "--ca", gateway.CaPath, "--token", TrustGatewayFixture.Reader]);

        AssertPassed(run);
    }

    [Fact]
    public async Task Node_grpc_js_calls_the_tls_port_trusting_the_test_ca()
    {
        var run = await InteropClientRun.RunAsync("node", [Script("tls_call.js"), "--target", gateway.Target, "--ca", gateway.CaPath, "--token", TrustGatewayFixture.Reader]);

        AssertPassed(run);
    }

    [Fact]
    public async Task Http1_reaches_the_webhook_intake_on_the_same_tls_port()
    {
        using var handler = gateway.TrustingHandler();
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, "/webhooks/nordeaconnect/transaction-completed"))
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent("{}"),
        };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_ca_is_refused_at_the_handshake()
    {
        using var http = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(gateway.Address));
    }

    private static string Script(string name) => Path.Combine(InteropClientRun.InteropDirectory, "tls", name);

    private static void AssertPassed(InteropClientRun run)
    {
        var failures = run.Lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).ToArray();
        Assert.True(failures.Length == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + run.Error);
        foreach (var scenario in new[] { "health_over_tls", "unauthenticated_without_token", "read_with_token" })
        {
            Assert.Contains("PASS " + scenario, run.Lines);
        }

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}: {run.Error}");
    }
}
