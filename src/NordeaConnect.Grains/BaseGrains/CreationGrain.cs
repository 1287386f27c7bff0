using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains;

/// <summary>
/// A journaled grain keyed by a reference (a payment_ref, a customer ref, a plan name) that creates the reference's one
/// entity upstream. Every attempt runs under the same journal key, whatever key a caller may have: the reference is what
/// makes two requests one entity.
/// </summary>
internal abstract class CreationGrain<TState> : JournaledGrain<TState>
    where TState : class, IJournaledState<TState>
{
    private readonly string _referenceName;

    /// <param name="referenceName">What the key is, as the journal's logs name it: "payment_ref", "plan name".</param>
    protected CreationGrain(string referenceName, IPersistentState<TState> state, IOptions<PaymentGrainsOptions> options, TimeProvider time, ILogger logger)
        : base(state, options, time, logger)
    {
        _referenceName = referenceName;
    }

    protected string Reference => this.GetPrimaryKeyString();

    /// <summary>The journal key every creation attempt for this reference runs under.</summary>
    protected string CreationKey => "create/" + Uri.EscapeDataString(Reference);

    protected sealed override string JournalSubject => _referenceName + " " + Reference;
}
