using Microsoft.Extensions.Logging;
using NordeaConnect.Grpc.Client;
using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Server;

/// <summary>What operators see: a crashing method is logged as an error; a caller that leaves is not an error.</summary>
public sealed class ErrorLoggingTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private GrpcTestServer? _server;

    private GrpcTestServer Server => _server!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(logger: _logs);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task An_unhandled_exception_is_logged_as_an_error_with_the_method()
    {
        var client = new EchoClient(Server.Channel.CallInvoker);

        await Assert.ThrowsAsync<RpcException>(() => client.CrashAsync(new EchoRequest()).ResponseAsync);

        var entry = Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("NordeaConnect.Grpc.Server", entry.Category);
        Assert.Contains("/nordeaconnect.grpc.testing.v1.EchoService/Crash", entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task Cancelled_and_timed_out_calls_log_no_errors()
    {
        var client = new EchoClient(Server.Channel.CallInvoker);
        var tag = Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource();
        var cancelled = client.SlowAsync(new SlowRequest { Tag = tag }, new CallOptions(CancellationToken: cts.Token));
        await Server.Probe.WhenStarted(tag).WaitAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();
        await Assert.ThrowsAsync<RpcException>(() => cancelled.ResponseAsync);
        await Server.Probe.WhenCancelled(tag).WaitAsync(TimeSpan.FromSeconds(20));

        var timedOut = Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<RpcException>(() =>
            client.SlowAsync(new SlowRequest { Tag = timedOut }, new CallOptions(Deadline: DateTime.UtcNow.AddMilliseconds(1500))).ResponseAsync);
        await Server.Probe.WhenCancelled(timedOut).WaitAsync(TimeSpan.FromSeconds(20));
        // Both calls have ended on the server by now; give their completion a moment past the method's return.
        await Task.Delay(200);

        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
