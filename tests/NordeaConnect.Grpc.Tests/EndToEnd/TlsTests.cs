using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.EndToEnd;

/// <summary>With a certificate configured the same calls run over TLS, HTTP/2 chosen by ALPN.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Unary_and_streaming_calls_work_over_TLS()
    {
        using var certificate = TestCertificate.Create();
        await using var server = await GrpcTestServer.StartAsync(certificate: certificate);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true });
        var client = new EchoClient(channel.CallInvoker);

        var reply = await client.EchoAsync(new EchoRequest { Message = "secure" });
        using var stream = client.Count(new CountRequest { Count = 3 });
        var indexes = await stream.ResponseStream.ReadAllAsync().Select(r => r.Index).ToListAsync();

        Assert.Equal(Uri.UriSchemeHttps, server.Address.Scheme);
        Assert.Equal("secure", reply.Message);
        Assert.Equal([0, 1, 2], indexes);
    }
}
