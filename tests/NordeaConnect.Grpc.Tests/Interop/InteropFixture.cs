using NordeaConnect.Grpc.Tests.Infrastructure;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>
/// Starts a test server, runs one out-of-process gRPC client against it once, and keeps the result for the
/// tests of the class. Tags let the tests check from the server side that cancellations arrived.
/// </summary>
public abstract class InteropFixture : IAsyncLifetime
{
    private GrpcTestServer? _server;
    private InteropRun? _result;

    public GrpcTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public InteropRun Result => _result ?? throw new InvalidOperationException("The client has not run.");

    public string DeadlineTag { get; } = "deadline-" + Guid.NewGuid().ToString("N");

    public string CancelTag { get; } = "cancel-" + Guid.NewGuid().ToString("N");

    public string StreamCancelTag { get; } = "stream-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _server = await GrpcTestServer.StartAsync();
        _result = await RunClientAsync($"127.0.0.1:{Server.Address.Port}");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected abstract Task<InteropRun> RunClientAsync(string target);
}

/// <summary>The checks both interop clients must pass; each client's test class supplies its fixture.</summary>
public abstract class InteropScenarioTests<TFixture>(TFixture run, Xunit.Abstractions.ITestOutputHelper output)
    where TFixture : InteropFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Scenarios { get; } =
    [
        "unary_echo",
        "gzip_request",
        "metadata_round_trip",
        "deadline_exceeded",
        "cancellation",
        "server_streaming",
        "streaming_cancellation",
        "error_trailers_only",
        "unknown_exception_hidden",
        "unimplemented",
        "resource_exhausted",
        "health_check",
        "health_watch",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_passes(string scenario)
    {
        Assert.True(run.Result.Scenarios.TryGetValue(scenario, out var line), $"No result for {scenario}. Output:\n{run.Result.Output}");
        Assert.True(line.StartsWith("PASS", StringComparison.Ordinal), line);
    }

    [Fact]
    public void The_client_exits_cleanly()
    {
        output.WriteLine(run.Result.Output);
        Assert.True(run.Result.ExitCode == 0, run.Result.Output);
    }

    [Fact]
    public Task A_passed_deadline_cancels_the_server_side_call() => run.Server.Probe.WhenCancelled(run.DeadlineTag).WaitAsync(Patience);

    [Fact]
    public Task A_cancelled_unary_call_cancels_the_server_side_call() => run.Server.Probe.WhenCancelled(run.CancelTag).WaitAsync(Patience);

    [Fact]
    public Task A_cancelled_stream_stops_the_server_side_stream() => run.Server.Probe.WhenCancelled(run.StreamCancelTag).WaitAsync(Patience);
}
