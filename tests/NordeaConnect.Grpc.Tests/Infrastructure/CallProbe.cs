using System.Collections.Concurrent;

namespace NordeaConnect.Grpc.Tests.Infrastructure;

/// <summary>Lets a test see, from the server side, that a call started and that its cancellation token fired.</summary>
public sealed class CallProbe
{
    private readonly ConcurrentDictionary<string, Signals> _calls = new(StringComparer.Ordinal);

    public void Started(string tag) => Get(tag).Started.TrySetResult();

    public void Cancelled(string tag) => Get(tag).Cancelled.TrySetResult();

    public Task WhenStarted(string tag) => Get(tag).Started.Task;

    public Task WhenCancelled(string tag) => Get(tag).Cancelled.Task;

    private Signals Get(string tag) => _calls.GetOrAdd(tag, _ => new Signals());

    private sealed class Signals
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
