using NordeaConnect.Grpc.Tests.Protos;
using NordeaConnect.Tests.Interop;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>Debian's python3-grpcio (the C-core implementation) against the wire layer.</summary>
public sealed class PythonInteropTests(PythonInteropTests.Run run, Xunit.Abstractions.ITestOutputHelper output)
    : InteropScenarioTests<PythonInteropTests.Run>(run, output), IClassFixture<PythonInteropTests.Run>
{
    public sealed class Run : InteropFixture
    {
        private const string Python = "/usr/bin/python3";

        protected override async Task<InteropRun> RunClientAsync(string target)
        {
            if (!File.Exists(Python))
            {
                throw new InvalidOperationException($"{Python} is missing: apt-get install -y python3-grpcio python3-protobuf.");
            }

            var descriptorSet = InteropPaths.WriteDescriptorSet(EchoReflection.Descriptor, global::Grpc.Health.V1.HealthReflection.Descriptor);
            try
            {
                var directory = Path.Combine(InteropPaths.InteropDirectory, "python");
                return await InteropRun.RunAsync(
                    Python,
                    directory,
                    [
                        Path.Combine(directory, "wire_layer_client.py"),
                        "--target", target,
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
    }
}
