using NordeaConnect.Tests.Interop;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>npm's @grpc/grpc-js (a pure JavaScript implementation) against the wire layer.</summary>
public sealed class NodeInteropTests(NodeInteropTests.Run run, Xunit.Abstractions.ITestOutputHelper output)
    : InteropScenarioTests<NodeInteropTests.Run>(run, output), IClassFixture<NodeInteropTests.Run>
{
    public sealed class Run : InteropFixture
    {
        protected override Task<InteropRun> RunClientAsync(string target)
        {
            var directory = Path.Combine(InteropPaths.InteropDirectory, "node");
            if (!Directory.Exists(Path.Combine(directory, "node_modules", "@grpc", "grpc-js")))
            {
                throw new InvalidOperationException($"@grpc/grpc-js is not installed: run `npm ci` in {directory}.");
            }

            return InteropRun.RunAsync(
                "node",
                directory,
                [
                    Path.Combine(directory, "wire_layer_client.js"),
                    "--target", target,
                    "--proto-dir", InteropPaths.ProtoDirectory,
                    "--deadline-tag", DeadlineTag,
                    "--cancel-tag", CancelTag,
                    "--stream-cancel-tag", StreamCancelTag,
                ],
                TimeSpan.FromSeconds(120));
        }
    }
}
