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
    string H2Load);
