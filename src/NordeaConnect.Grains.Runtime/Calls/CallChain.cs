namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>
/// The grains whose turns are waiting, directly or transitively, on the current code. It flows with the
/// ExecutionContext from a caller into the turns it causes, which is how a call that would re-enter a busy grain is caught.
/// </summary>
internal sealed class CallChain
{
    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    private CallChain(GrainId grain, CallChain? parent)
    {
        Grain = grain;
        Parent = parent;
    }

    public static CallChain? Current => CurrentChain.Value;

    public GrainId Grain { get; }

    public CallChain? Parent { get; }

    /// <summary>Marks the rest of the current async flow as running inside a turn of <paramref name="grain"/>.</summary>
    public static void Enter(GrainId grain) => CurrentChain.Value = new CallChain(grain, CurrentChain.Value);

    public bool Contains(GrainId grain)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (link.Grain == grain)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<GrainId> ToList()
    {
        var grains = new List<GrainId>();
        for (var link = this; link is not null; link = link.Parent)
        {
            grains.Add(link.Grain);
        }

        grains.Reverse();
        return grains;
    }
}
