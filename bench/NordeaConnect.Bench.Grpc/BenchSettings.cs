namespace NordeaConnect.Bench.Grpc;

/// <summary>What to load and how hard; see Program.cs for the command-line options that fill it.</summary>
internal sealed record BenchSettings(
    Uri? Target,
    string Path,
    byte[] RequestMessage,
    IReadOnlyList<(string Name, string Value)> Headers,
    int Requests,
    int WarmupRequests,
    int Clients,
    int Streams,
    int Rounds,
    string H2Load)
{
    /// <summary>A second gRPC server (http://host:port) measured as the baseline instead of the bare handler, same method path.</summary>
    public Uri? Baseline { get; init; }

    /// <summary>The baseline's request message when it differs from <see cref="RequestMessage"/> (e.g. another server's entity id).</summary>
    public byte[]? BaselineRequestMessage { get; init; }
}
