namespace NordeaConnect.Grpc.Tests.Infrastructure;

/// <summary>One server shared by the tests of a class.</summary>
public sealed class GrpcServerFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;

    public GrpcTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
