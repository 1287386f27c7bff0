using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("plan-catalog")]
internal sealed class PlanCatalogGrain : Grain, IPlanCatalogGrain
{
    private readonly IPersistentState<CachedEntityState<PlanSnapshot>> _state;
    private readonly IPlanUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PlanCatalogGrain> _logger;
    private JournalKeeper<CachedEntityState<PlanSnapshot>>? _keeper;

    public PlanCatalogGrain(
        [PersistentState("creation")] IPersistentState<CachedEntityState<PlanSnapshot>> state,
        IPlanUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        ILogger<PlanCatalogGrain> logger)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string Name => this.GetPrimaryKeyString();

    private JournalKeeper<CachedEntityState<PlanSnapshot>> Keeper =>
        _keeper ??= new JournalKeeper<CachedEntityState<PlanSnapshot>>(_state, ReconcileAsync, _time, _options.Journal, _logger, "plan name " + Name);

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public Task<OperationResult<PlanSnapshot>> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = "create/" + Uri.EscapeDataString(Name);
        // Checked before the journal: a request for another name is a mistake, not a reuse of this name's key.
        if (!string.Equals(request.Name, Name, StringComparison.Ordinal))
        {
            return Task.FromResult(OperationResults.Refused<PlanSnapshot>(
                new Refusal(ResultCode.InvalidArgument, "The plan's name '" + request.Name + "' is not the catalog key '" + Name + "' it was sent to."),
                key));
        }

        return Keeper.RunAsync(
            new JournaledOperation<PlanSnapshot>
            {
                IdempotencyKey = key,
                Operation = OperationNames.CreatePlan,
                Fingerprint = Fingerprint(request),
                ReplaceFailed = true,
                CheckAsync = _ => Task.FromResult(Check(request)),
                Details = () => new OperationDetails { Ref = Name },
                SendAsync = async token =>
                {
                    var created = await _upstream.CreateAsync(request, token).ConfigureAwait(false);
                    _state.State = _state.State with { Entity = created, RefreshedAt = _time.GetUtcNow() };
                    return (Outcome(created), created);
                },
                ReplayAsync = async (entry, token) => entry.Outcome?.EntityId is { } id
                    ? (await GrainFactory.GetGrain<IPlanGrain>(id).GetAsync(cancellationToken: token).ConfigureAwait(false)).Value ?? _state.State.Entity
                    : _state.State.Entity,
            },
            cancellationToken);
    }

    private static Refusal? Check(PlanCreateRequest request)
    {
        if (request.IntervalUnit is not ("days" or "months"))
        {
            return new Refusal(ResultCode.InvalidArgument, "A plan's interval_unit is days or months, not '" + request.IntervalUnit + "'.");
        }

        if (request.Interval < 1 || request.Periods < 0 || request.TrialLength < 0)
        {
            return new Refusal(ResultCode.InvalidArgument, "A plan's interval is at least 1, and its periods and trial length are not negative.");
        }

        if (request.Prices.Count == 0 || request.Prices.Keys.Concat(request.SetupFees.Keys).Any(code => !CurrencyCode.TryParse(code, out _)))
        {
            return new Refusal(ResultCode.InvalidCurrency, "A plan needs a price in at least one currency, and every price and setup fee a known currency code.");
        }

        return null;
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var found = await _upstream.FindByNameAsync(Name, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no plan named '" + Name + "', so the creation was not carried out.");
        }

        var created = found[^1];
        _state.State = _state.State with { Entity = created, RefreshedAt = _time.GetUtcNow() };
        return ReconciliationVerdict.Done(Outcome(created), FormattableString.Invariant($"upstream has plan {created.Id} named '{Name}', so the creation was carried out."));
    }

    private static string Fingerprint(PlanCreateRequest request)
    {
        var fingerprint = new RequestFingerprint(OperationNames.CreatePlan)
            .Add("name", request.Name)
            .Add("description", request.Description)
            .Add("interval_unit", request.IntervalUnit)
            .Add("interval", (long)request.Interval)
            .Add("periods", (long)request.Periods)
            .Add("trial_length", (long)request.TrialLength);
        foreach (var (code, price) in request.Prices)
        {
            fingerprint.Add("prices." + code, price);
        }

        foreach (var (code, fee) in request.SetupFees)
        {
            fingerprint.Add("setup_fees." + code, fee);
        }

        return fingerprint.Compute();
    }

    private static JournalOutcome Outcome(PlanSnapshot created) => new()
    {
        Code = ResultCode.Success,
        Description = FormattableString.Invariant($"Plan {created.Id} created."),
        EntityId = created.Id,
    };
}
