using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Grpc.Tests.Protos;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>Debian's python3-grpcio (the C-core implementation) against the wire layer.</summary>
public sealed class PythonInteropTests(PythonInteropTests.Run run, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PythonInteropTests.Run>
{
    private const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("unary_echo")]
    [InlineData("gzip_request")]
    [InlineData("metadata_round_trip")]
    [InlineData("deadline_exceeded")]
    [InlineData("cancellation")]
    [InlineData("server_streaming")]
    [InlineData("streaming_cancellation")]
    [InlineData("error_trailers_only")]
    [InlineData("unknown_exception_hidden")]
    [InlineData("unimplemented")]
    [InlineData("resource_exhausted")]
    [InlineData("health_check")]
    [InlineData("health_watch")]
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
    public Task A_passed_deadline_cancels_the_server_side_call() => run.Server.Probe.WhenCancelled(run.DeadlineTag).WaitAsync(TimeSpan.FromSeconds(20));

    [Fact]
    public Task A_cancelled_unary_call_cancels_the_server_side_call() => run.Server.Probe.WhenCancelled(run.CancelTag).WaitAsync(TimeSpan.FromSeconds(20));

    [Fact]
    public Task A_cancelled_stream_stops_the_server_side_stream() => run.Server.Probe.WhenCancelled(run.StreamCancelTag).WaitAsync(TimeSpan.FromSeconds(20));

    public sealed class Run : IAsyncLifetime
    {
        private GrpcTestServer? _server;
        private InteropRun? _result;

        public GrpcTestServer Server => _server!;

        public InteropRun Result => _result!;

        public string DeadlineTag { get; } = "py-deadline-" + Guid.NewGuid().ToString("N");

        public string CancelTag { get; } = "py-cancel-" + Guid.NewGuid().ToString("N");

        public string StreamCancelTag { get; } = "py-stream-" + Guid.NewGuid().ToString("N");

        public async Task InitializeAsync()
        {
            if (!File.Exists(Python))
            {
                throw new InvalidOperationException($"{Python} is missing: install python3-grpcio and python3-protobuf (apt-get install -y python3-grpcio python3-protobuf).");
            }

            _server = await GrpcTestServer.StartAsync();
            var descriptorSet = InteropPaths.WriteDescriptorSet(EchoReflection.Descriptor, global::Grpc.Health.V1.HealthReflection.Descriptor);
            try
            {
                var directory = Path.Combine(InteropPaths.InteropDirectory, "python");
                _result = await InteropRun.RunAsync(
                    Python,
                    directory,
                    [
                        Path.Combine(directory, "wire_layer_client.py"),
                        "--target", $"127.0.0.1:{Server.Address.Port}",
                        "--descriptor-set", descriptorSet,
                        "--deadline-tag", DeadlineTag,
                        "--cancel-tag", CancelTag,
                        "--stream-cancel-tag", StreamCancelTag,
                    ],
                    TimeSpan.FromSeconds(120));
            }
            finally
            {
                File.Delete(descriptorSet);
            }
        }

        public async Task DisposeAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
