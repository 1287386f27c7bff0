using System.Collections.Concurrent;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>Every process the suite started, so the security scan reads all of what they logged.</summary>
internal static class OutputRegistry
{
    private static readonly ConcurrentQueue<ServiceProcess> Processes = new();

    public static void Register(ServiceProcess process) => Processes.Enqueue(process);

    public static IReadOnlyList<(string Name, string Output)> All() => Processes.Select(p => (p.Name, p.Output)).ToArray();
}
