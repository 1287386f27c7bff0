using NordeaConnect.Grains.Runtime.State;

namespace NordeaConnect.Grains.Runtime.Activation;

/// <summary>What a grain instance knows about the activation it lives in.</summary>
internal sealed class ActivationContext
{
    // The grain constructor runs synchronously on the thread that set this, so a thread-static is exact.
    [ThreadStatic]
    private static ActivationContext? _constructing;

    private readonly List<IActivationState> _states = [];
    private bool _stateRegistrationClosed;

    public ActivationContext(GrainActivation activation, IGrainFactory grainFactory, IServiceProvider services)
    {
        Activation = activation;
        GrainFactory = grainFactory;
        Services = services;
    }

    /// <summary>The context of the grain being constructed on this thread, if any.</summary>
    public static ActivationContext? Constructing => _constructing;

    public GrainActivation Activation { get; }

    public GrainId GrainId => Activation.GrainId;

    public IGrainFactory GrainFactory { get; }

    public IServiceProvider Services { get; }

    public IReadOnlyList<IActivationState> States => _states;

    public static Scope BeginConstruction(ActivationContext context)
    {
        var previous = _constructing;
        _constructing = context;
        return new Scope(previous);
    }

    /// <summary>After construction the set of states is fixed: the runtime reads them all before OnActivateAsync and
    /// the change listener looks them up from its own thread.</summary>
    public void CloseStateRegistration() => _stateRegistrationClosed = true;

    public void AddState(IActivationState state)
    {
        if (_stateRegistrationClosed)
        {
            throw new InvalidOperationException($"Grain {GrainId} created persistent state '{state.StateName}' after its constructor; create every IPersistentState in the grain's constructor.");
        }

        if (_states.Exists(s => string.Equals(s.StateName, state.StateName, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Grain {GrainId} declares persistent state '{state.StateName}' twice; state names must be unique per grain.");
        }

        _states.Add(state);
    }

    public readonly struct Scope(ActivationContext? previous) : IDisposable
    {
        public void Dispose() => _constructing = previous;
    }
}
