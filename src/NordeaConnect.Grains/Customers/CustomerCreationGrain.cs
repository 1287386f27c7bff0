using System.Text.Json;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer-creation")]
internal sealed class CustomerCreationGrain : Grain, ICustomerCreationGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<CustomerSnapshot>> _state;
    private readonly ICustomerUpstream _upstream;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<CustomerSnapshot>> _journal;

    public CustomerCreationGrain(
        JournalServices journal,
        ICustomerUpstream upstream,
        TimeProvider time)
    {
        _upstream = upstream;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<CustomerSnapshot>>(this, "creation", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "customer ref " + Reference;

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private string Reference => this.GetPrimaryKeyString();

    /// <summary>The journal key every creation attempt for this ref runs under: the ref is what makes two sign-ups one customer.</summary>
    private string CreationKey => "create/" + Uri.EscapeDataString(Reference);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<CustomerSnapshot>> CreateAsync(JsonElement? metadata = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = new RequestFingerprint(OperationNames.CreateCustomer).Add("ref", Reference).Add("metadata", metadata).Compute();
        var start = await _journal.BeginAsync(CreationKey, OperationNames.CreateCustomer, fingerprint, replaceFailed: true, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, _state.State.Entity, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<CustomerSnapshot>(refused, start.Key);
        }

        if (metadata is { ValueKind: not JsonValueKind.Object })
        {
            return OperationResults.Refused<CustomerSnapshot>(new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object."), start.Key);
        }

        if (await _journal.RecordIntentAsync(start, new OperationDetails { Ref = Reference }) is { } fenced)
        {
            return OperationResults.Refused<CustomerSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var created = await _upstream.CreateAsync(new CustomerCreateRequest { Ref = Reference, Metadata = metadata }, deadline.Token);
            _state.State = _state.State.Changed(created, _time.GetUtcNow(), "created");
            var outcome = Outcome(created);
            await _journal.RecordDoneAsync(start.Key, outcome);
            return OperationResults.From(outcome, start.Key, _state.State.Entity, replayed: false);
        }
        catch (Exception failure) when (failure is Client.NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, _state.State.Entity);
        }
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var found = await _upstream.FindByRefAsync(Reference, cancellationToken);
        if (found.Count == 0)
        {
            return ReconciliationVerdict.NotDone("upstream has no customer with ref '" + Reference + "', so the creation was not carried out.");
        }

        var created = found[0];
        _state.State = _state.State.Changed(created, _time.GetUtcNow(), "created");
        return ReconciliationVerdict.Done(
            Outcome(created),
            FormattableString.Invariant($"upstream has customer {created.Id} with ref '{Reference}', so the creation was carried out."));
    }

    private static JournalOutcome Outcome(CustomerSnapshot created) => new()
    {
        Code = ResultCode.Success,
        Description = FormattableString.Invariant($"Customer {created.Id} created."),
        EntityId = created.Id,
    };
}
