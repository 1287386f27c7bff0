using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("plan-catalog")]
internal sealed class PlanCatalogGrain(
    [PersistentState("creation")] IPersistentState<CachedEntityState<PlanSnapshot>> state,
    IPlanUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<PlanCatalogGrain> logger)
    : CreationGrain<CachedEntityState<PlanSnapshot>>("plan name", state, options, time, logger), IPlanCatalogGrain
{
    public Task<OperationResult<PlanSnapshot>> CreateAsync(PlanCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = CreationKey;
        // Checked before the journal: a request for another name is a mistake, not a reuse of this name's key.
        if (!string.Equals(request.Name, Reference, StringComparison.Ordinal))
        {
            return Task.FromResult(OperationResults.Refused<PlanSnapshot>(
                new Refusal(ResultCode.InvalidArgument, "The plan's name '" + request.Name + "' is not the catalog key '" + Reference + "' it was sent to."),
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
                Details = () => new OperationDetails { Ref = Reference },
                SendAsync = async token =>
                {
                    var created = await upstream.CreateAsync(request, token).ConfigureAwait(false);
                    Stored.State = Stored.State.WithEntity(created, Time.GetUtcNow());
                    return (Outcome(created), created);
                },
                ReplayAsync = async (entry, token) => entry.Outcome?.EntityId is { } id
                    ? (await GrainFactory.GetGrain<IPlanGrain>(id).GetAsync(cancellationToken: token).ConfigureAwait(false)).Value ?? Stored.State.Entity
                    : Stored.State.Entity,
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

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var found = await upstream.FindByNameAsync(Reference, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no plan named '" + Reference + "', so the creation was not carried out.");
        }

        var created = found[^1];
        Stored.State = Stored.State.WithEntity(created, Time.GetUtcNow());
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
