using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("plan-catalog")]
internal sealed class PlanCatalogGrain : Grain, IPlanCatalogGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<PlanSnapshot>> _state;
    private readonly IPlanUpstream _upstream;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<PlanSnapshot>> _journal;

    public PlanCatalogGrain(
        JournalServices journal,
        IPlanUpstream upstream,
        TimeProvider time)
    {
        _upstream = upstream;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<PlanSnapshot>>(this, "creation", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "plan name " + Reference;

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private string Reference => this.GetPrimaryKeyString();

    /// <summary>The journal key every creation attempt for this name runs under: the name is what makes two requests one plan.</summary>
    private string CreationKey => "create/" + Uri.EscapeDataString(Reference);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<PlanSnapshot>> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Checked before the journal: a request for another name is a mistake, not a reuse of this name's key.
        if (!string.Equals(request.Name, Reference, StringComparison.Ordinal))
        {
            return OperationResults.Refused<PlanSnapshot>(
                new Refusal(ResultCode.InvalidArgument, "The plan's name '" + request.Name + "' is not the catalog key '" + Reference + "' it was sent to."),
                CreationKey);
        }

        var start = await _journal.BeginAsync(CreationKey, OperationNames.CreatePlan, Fingerprint(request), replaceFailed: true, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, await CreatedAsync(recorded, cancellationToken), replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<PlanSnapshot>(refused, start.Key);
        }

        if (Check(request) is { } refusal)
        {
            return OperationResults.Refused<PlanSnapshot>(refusal, start.Key);
        }

        if (await _journal.RecordIntentAsync(start, new OperationDetails { Ref = Reference }) is { } fenced)
        {
            return OperationResults.Refused<PlanSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var created = await _upstream.CreateAsync(request, deadline.Token);
            _state.State = _state.State.WithEntity(created, _time.GetUtcNow());
            var outcome = Outcome(created);
            await _journal.RecordDoneAsync(start.Key, outcome);
            return OperationResults.From(outcome, start.Key, created, replayed: false);
        }
        catch (Exception failure) when (failure is Client.NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, await CreatedAsync(settled, cancellationToken));
        }
    }

    /// <summary>The plan a recorded creation made, read through its grain (the catalog's own copy when that read fails).</summary>
    private async Task<PlanSnapshot?> CreatedAsync(JournalEntry entry, CancellationToken cancellationToken) =>
        entry.Outcome?.EntityId is { } id
            ? (await GrainFactory.GetGrain<IPlanGrain>(id).GetAsync(cancellationToken: cancellationToken)).Value ?? _state.State.Entity
            : _state.State.Entity;

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
        var found = await _upstream.FindByNameAsync(Reference, cancellationToken);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no plan named '" + Reference + "', so the creation was not carried out.");
        }

        var created = found[^1];
        _state.State = _state.State.WithEntity(created, _time.GetUtcNow());
        return ReconciliationVerdict.Done(Outcome(created), FormattableString.Invariant($"upstream has plan {created.Id} named '{Reference}', so the creation was carried out."));
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
