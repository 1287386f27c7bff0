namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// Thrown when a grain call would re-enter a grain whose turn is already waiting for it (a grain calling itself, or a
/// cycle such as A -> B -> A). Turns are not reentrant, so such a call could only deadlock; it fails at once instead.
/// </summary>
public sealed class ReentrantGrainCallException : InvalidOperationException
{
    public ReentrantGrainCallException(GrainId target, IReadOnlyList<GrainId> callChain)
        : base($"Call to grain {target} would re-enter it: the call chain {string.Join(" -> ", callChain)} -> {target} is already inside a turn of {target}. Grain turns are not reentrant; move the work into the current turn or call another grain.")
    {
        Target = target;
        CallChain = callChain;
    }

    public GrainId Target { get; }

    public IReadOnlyList<GrainId> CallChain { get; }
}
