using NordeaConnect.Grpc.Tests.Infrastructure;
using NordeaConnect.Tests.Interop;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>
/// The command-line callers a newcomer uses against a running server (tests/interop/python/grpc_call.py with a
/// descriptor set from descriptor-set.sh, and tests/interop/node/grpc_call.js with the .proto files).
/// </summary>
public sealed class CallToolTests(GrpcServerFixture fixture, CallToolTests.DescriptorSet descriptorSet)
    : IClassFixture<GrpcServerFixture>, IClassFixture<CallToolTests.DescriptorSet>
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private string Target => $"127.0.0.1:{fixture.Server.Address.Port}";

    [Fact]
    public async Task Python_calls_a_unary_method_from_JSON_with_a_descriptor_set_built_by_the_script()
    {
        var run = await PythonAsync("nordeaconnect.grpc.testing.v1.EchoService/Echo", "--data", """{"message": "hej", "payload": "AAE="}""", "--header", "x-tool: yes");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"message\": \"hej\"", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"payload\": \"AAE=\"", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("x-tool=yes", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Python_prints_one_line_per_streamed_message()
    {
        var run = await PythonAsync("nordeaconnect.grpc.testing.v1.EchoService/Count", "--data", """{"count": 3}""", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["{}", "{\"index\": 1}", "{\"index\": 2}"], Lines(run.StandardOutput));
    }

    [Fact]
    public async Task Python_reports_a_failed_call_with_its_status_and_exit_code_1()
    {
        var run = await PythonAsync("nordeaconnect.grpc.testing.v1.EchoService/Fail", "--data", """{"code": 9, "message": "not captured"}""");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR FAILED_PRECONDITION: not captured", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_calls_a_unary_method_from_JSON_with_the_proto_files()
    {
        var run = await NodeAsync("nordeaconnect.grpc.testing.v1.EchoService/Echo", "--data", """{"message": "hej", "payload": "AAE="}""", "--header", "x-tool: yes");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"message\":\"hej\"", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"payload\":\"AAE=\"", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("x-tool=yes", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_prints_one_line_per_streamed_message()
    {
        var run = await NodeAsync("nordeaconnect.grpc.testing.v1.EchoService/Count", "--data", """{"count": 3}""", "--timeout", "30");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(["{}", "{\"index\":1}", "{\"index\":2}"], Lines(run.StandardOutput));
    }

    [Fact]
    public async Task Node_reports_a_failed_call_with_its_status_and_exit_code_1()
    {
        var run = await NodeAsync("nordeaconnect.grpc.testing.v1.EchoService/Fail", "--data", """{"code": 9, "message": "not captured"}""");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ERROR FAILED_PRECONDITION: not captured", run.StandardError, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Task<InteropRun> PythonAsync(string method, params string[] arguments)
    {
        var directory = Path.Combine(InteropPaths.InteropDirectory, "python");
        return InteropRun.RunAsync(
            Python,
            directory,
            [Path.Combine(directory, "grpc_call.py"), "--descriptor-set", descriptorSet.Path, "--target", Target, method, .. arguments],
            Patience);
    }

    private Task<InteropRun> NodeAsync(string method, params string[] arguments)
    {
        var directory = Path.Combine(InteropPaths.InteropDirectory, "node");
        return InteropRun.RunAsync(
            "node",
            directory,
            [Path.Combine(directory, "grpc_call.js"), "--proto-path", InteropPaths.ProtoDirectory, "--proto", "echo.proto", "--target", Target, method, .. arguments],
            Patience);
    }

    /// <summary>The descriptor set for the Python tool, built once by descriptor-set.sh from the test protos.</summary>
    public sealed class DescriptorSet : IAsyncLifetime
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nc-grpc-tool-" + Guid.NewGuid().ToString("N") + ".pb");

        public async Task InitializeAsync()
        {
            var script = await InteropRun.RunAsync(
                "bash",
                InteropPaths.InteropDirectory,
                [System.IO.Path.Combine(InteropPaths.InteropDirectory, "descriptor-set.sh"), Path, InteropPaths.ProtoDirectory, "echo.proto", "grpc/health/v1/health.proto"],
                Patience);
            if (script.ExitCode != 0)
            {
                throw new InvalidOperationException("descriptor-set.sh failed: " + script.Output);
            }
        }

        public Task DisposeAsync()
        {
            File.Delete(Path);
            return Task.CompletedTask;
        }
    }
}
