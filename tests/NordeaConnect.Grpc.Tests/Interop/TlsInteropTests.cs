using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Tests.Interop;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>grpc core (Python) and grpc-js (Node) reach the layer over TLS, negotiating HTTP/2 by ALPN.</summary>
public sealed class TlsInteropTests(TlsInteropTests.TlsServer server, CallToolTests.DescriptorSet descriptorSet)
    : IClassFixture<TlsInteropTests.TlsServer>, IClassFixture<CallToolTests.DescriptorSet>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Python_calls_over_TLS()
    {
        var directory = Path.Combine(InteropPaths.InteropDirectory, "python");

        var run = await InteropRun.RunAsync(
            "/usr/bin/python3",
            directory,
            [Path.Combine(directory, "grpc_call.py"), "--descriptor-set", descriptorSet.Path, "--target", server.Target, "--ca", server.CertificatePem,
             "nordeaconnect.grpc.testing.v1.EchoService/Echo", "--data", """{"message": "over tls"}"""],
            Patience);

        Assert.True(run.ExitCode == 0, run.Output + ServerLog());
        Assert.Contains("\"message\": \"over tls\"", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_calls_over_TLS()
    {
        var directory = Path.Combine(InteropPaths.InteropDirectory, "node");

        var run = await InteropRun.RunAsync(
            "node",
            directory,
            [Path.Combine(directory, "grpc_call.js"), "--proto-path", InteropPaths.ProtoDirectory, "--proto", "echo.proto", "--target", server.Target, "--ca", server.CertificatePem,
             "nordeaconnect.grpc.testing.v1.EchoService/Echo", "--data", """{"message": "over tls"}"""],
            Patience);

        Assert.True(run.ExitCode == 0, run.Output + ServerLog());
        Assert.Contains("\"message\":\"over tls\"", run.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>What the server logged, for a failure message: a TLS handshake failure is only visible there.</summary>
    private string ServerLog() =>
        "\n--- server log ---\n" + string.Join("\n", server.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.Message}"));

    public sealed class TlsServer : IAsyncLifetime
    {
        // Kestrel uses it for every handshake, so it lives as long as the server.
        private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = TestCertificate.Create();
        private GrpcTestServer? _server;

        public CapturingLoggerProvider Logs { get; } = new();

        public string CertificatePem { get; } = Path.Combine(Path.GetTempPath(), "nc-grpc-tls-" + Guid.NewGuid().ToString("N") + ".pem");

        public string Target => $"localhost:{_server!.Address.Port}";

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(CertificatePem, _certificate.ExportCertificatePem());
            _server = await GrpcTestServer.StartAsync(certificate: _certificate, logger: Logs);
        }

        public async Task DisposeAsync()
        {
            File.Delete(CertificatePem);
            _certificate.Dispose();
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
