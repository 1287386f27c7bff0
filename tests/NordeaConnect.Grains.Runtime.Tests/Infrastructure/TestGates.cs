using System.Collections.Concurrent;

namespace NordeaConnect.Grains.Runtime.Tests.Infrastructure;

/// <summary>Named one-shot signals between a test and its grains. Names are unique per test so tests run in parallel.</summary>
internal static class TestGates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public static string NewName(string purpose) => purpose + ":" + Guid.NewGuid().ToString("N");

    public static void Open(string name) => Gate(name).TrySetResult();

    public static Task WaitAsync(string name) => Gate(name).Task;

    public static Task WaitAsync(string name, CancellationToken cancellationToken) => Gate(name).Task.WaitAsync(cancellationToken);

    /// <summary>Waits only when the test created the gate beforehand with <see cref="Arm"/>.</summary>
    public static Task WaitIfArmedAsync(string name) => Gates.TryGetValue(name, out var gate) ? gate.Task : Task.CompletedTask;

    public static void Arm(string name) => Gate(name);

    /// <summary>Fails a test that would otherwise hang: every awaited signal in these tests comes within seconds.</summary>
    public static Task<T> Within<T>(this Task<T> task, int seconds = 20) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    public static Task Within(this Task task, int seconds = 20) => task.WaitAsync(TimeSpan.FromSeconds(seconds));

    private static TaskCompletionSource Gate(string name) =>
        Gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
