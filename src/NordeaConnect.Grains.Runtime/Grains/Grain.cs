using NordeaConnect.Grains.Runtime.Activation;

namespace NordeaConnect.Grains.Runtime;

/// <summary>
/// Base class of grain classes. The runtime creates one instance per key through dependency injection, reads its
/// persistent states, calls <see cref="OnActivateAsync"/>, then runs its calls one turn at a time in arrival order.
/// </summary>
public abstract class Grain
{
    // Set while the runtime constructs this grain; null when a test constructs a grain directly.
    private readonly ActivationContext? _context;

    protected Grain()
    {
        _context = ActivationContext.Constructing;
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Context.GrainId;

    /// <summary>Gets references to other grains.</summary>
    protected IGrainFactory GrainFactory => Context.GrainFactory;

    /// <summary>The activation's own service scope (disposed at deactivation).</summary>
    protected IServiceProvider ServiceProvider => Context.Services;

    internal ActivationContext Context => _context
        ?? throw new InvalidOperationException($"{GetType().Name} was not created by the grain runtime; obtain grains with IGrainFactory.GetGrain.");

    /// <summary>Runs after the persistent states were read and before the first call's turn.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected or the runtime stops, after the last turn. States set but
    /// not written are written after it returns.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the calls already queued have run; later calls get a fresh activation.</summary>
    protected void DeactivateOnIdle() =>
        Context.Activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));
}
