using NordeaConnect.Client;

namespace NordeaConnect.Grains.Tests.Infrastructure;

/// <summary>What a fake upstream does to the next calls of an operation: lose the answer after applying, fail, or crash.</summary>
internal enum UpstreamMishap
{
    /// <summary>Applies the call, then the answer is lost (NordeaConnectOutcomeUnknownException).</summary>
    ApplyThenLoseAnswer,

    /// <summary>Does not apply the call, and the answer is lost all the same.</summary>
    LoseWithoutApplying,

    /// <summary>Applies the call, then the process "dies" (an exception the journal keeper does not handle).</summary>
    ApplyThenCrash,

    /// <summary>Upstream cannot be reached for reads either.</summary>
    Unreachable,
}

/// <summary>Mishaps queued per operation name, taken one per call.</summary>
internal sealed class UpstreamScript
{
    private readonly Dictionary<string, Queue<UpstreamMishap>> _queued = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public bool ReadsUnreachable { get; set; }

    public void Queue(string operation, UpstreamMishap mishap, int times = 1)
    {
        lock (_lock)
        {
            if (!_queued.TryGetValue(operation, out var queue))
            {
                _queued[operation] = queue = new Queue<UpstreamMishap>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(mishap);
            }
        }
    }

    public UpstreamMishap? Next(string operation)
    {
        lock (_lock)
        {
            return _queued.TryGetValue(operation, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }
    }

    public static NordeaConnectOutcomeUnknownException LostAnswer(string operation) =>
        new("The connection dropped after " + operation + " was sent.", null, null, "test");

    public static NordeaConnectException Unreachable() =>
        new("Upstream could not be reached.", Primitives.ResultCode.UpstreamUnavailable, null, null, "test");
}

/// <summary>Stands for the process dying mid-call: nothing in the grains catches it. Serializable, so it reaches the caller through Orleans.</summary>
[GenerateSerializer]
public sealed class SimulatedCrashException() : Exception("The process died mid-call (simulated).");
