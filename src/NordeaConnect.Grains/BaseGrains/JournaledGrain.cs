using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;

namespace NordeaConnect.Grains;

/// <summary>
/// A payment grain whose mutations run through the operation journal in its persistent state: it settles what a crash
/// or a lost answer left in doubt before any call runs, and shows its journal. A subclass says how it names itself in
/// the journal's logs and how it reconciles an entry.
/// Its activation holds the grain's cross-node lock: an entry another node is still carrying out is never judged here.
/// </summary>
[ExclusiveActivation]
internal abstract class JournaledGrain<TState> : Grain
    where TState : class, IJournaledState<TState>
{
    private readonly ILogger _logger;
    private JournalKeeper<TState>? _keeper;

    protected JournaledGrain(IPersistentState<TState> state, IOptions<PaymentGrainsOptions> options, TimeProvider time, ILogger logger)
    {
        Stored = state;
        Options = options.Value;
        Time = time;
        _logger = logger;
    }

    protected IPersistentState<TState> Stored { get; }

    protected PaymentGrainsOptions Options { get; }

    protected TimeProvider Time { get; }

    /// <summary>How the journal's log lines and errors name this grain, e.g. "transaction 7510" or "payment_ref order-42".</summary>
    protected abstract string JournalSubject { get; }

    // Built on first use: the grain's key, which the subject names, is known only once the grain is activated.
    protected JournalKeeper<TState> Keeper =>
        _keeper ??= new JournalKeeper<TState>(Stored, ReconcileAsync, Time, Options.Journal, _logger, JournalSubject);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An operation left in doubt by a crash or a lost answer is settled before any call runs.
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(Stored.State.Journal.Entries);

    /// <summary>Reads upstream to decide whether the entry's operation, whose outcome is in doubt, was carried out.</summary>
    protected abstract Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken);
}
