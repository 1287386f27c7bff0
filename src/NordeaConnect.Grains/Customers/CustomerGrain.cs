using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer")]
internal sealed class CustomerGrain : Grain, ICustomerGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<CachedEntityState<CustomerSnapshot>> _state;
    private readonly ICustomerUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly JournalKeeper<CachedEntityState<CustomerSnapshot>> _journal;
    private readonly IEntityChangeSink _changes;

    public CustomerGrain(
        JournalServices journal,
        ICustomerUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        IEntityChangeSink changes)
    {
        _changes = changes;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _journal = new JournalKeeper<CachedEntityState<CustomerSnapshot>>(this, "customer", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "customer " + Id.ToString(CultureInfo.InvariantCulture);

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private long Id => this.GetPrimaryKeyLong();

    private CustomerSnapshot? Cached => _state.State.Entity;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public async Task<OperationResult<CustomerSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default) =>
        Diagnostics.GrainMetrics.CacheLookup(this, CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time)) && Cached is { } cached
            ? OperationResults.Read(cached, test: false)
            : await RefreshAsync(cancellationToken);

    public async Task<OperationResult<CustomerSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return OperationResults.Read(await ReadUpstreamAsync(cancellationToken), test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, Cached);
        }
    }

    public async Task<OperationResult<CustomerSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default)
    {
        var before = _state.State;
        var read = await RefreshAsync(cancellationToken);
        return _changes.AnnounceIfChanged(Id, _state, before, read, _time.GetUtcNow());
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<CustomerSnapshot>> UpdateMetadataAsync(JsonElement metadata, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var fingerprint = new RequestFingerprint(OperationNames.UpdateCustomer).Add("customer_id", Id).Add("metadata", metadata).Compute();
        var start = await _journal.BeginAsync(idempotencyKey, OperationNames.UpdateCustomer, fingerprint, replaceFailed: false, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, Cached, replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<CustomerSnapshot>(refused, start.Key);
        }

        if (metadata.ValueKind != JsonValueKind.Object)
        {
            return OperationResults.Refused<CustomerSnapshot>(new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object."), start.Key);
        }

        // Upstream's PUT replaces the metadata, so the merge needs what upstream holds now.
        CustomerSnapshot current;
        try
        {
            current = await CurrentForMutationAsync(cancellationToken);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<CustomerSnapshot>(failure, start.Key);
        }

        var merged = MetadataMerge.Merge(current.Metadata, metadata);
        if (await _journal.RecordIntentAsync(start, new OperationDetails { Metadata = merged }) is { } fenced)
        {
            return OperationResults.Refused<CustomerSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var updated = await _upstream.UpdateMetadataAsync(Id, merged, deadline.Token);
            Changed(updated, "updated");
            var outcome = new JournalOutcome { Code = ResultCode.Success, Description = "Customer metadata updated." };
            await _journal.RecordDoneAsync(start.Key, outcome);
            _changes.Changed(Id, Cached!);
            return OperationResults.From(outcome, start.Key, Cached, replayed: false);
        }
        catch (Exception failure) when (failure is NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, Cached);
        }
    }

    public Task<OperationResult<IReadOnlyList<TransactionSnapshot>>> GetTransactionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(_upstream.ListTransactionsAsync, cancellationToken);

    public Task<OperationResult<IReadOnlyList<StoredCardSnapshot>>> GetStoredCardsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(_upstream.ListStoredCardsAsync, cancellationToken);

    public Task<OperationResult<IReadOnlyList<SubscriptionSnapshot>>> GetSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(_upstream.ListSubscriptionsAsync, cancellationToken);

    private async Task<OperationResult<IReadOnlyList<T>>> ListAsync<T>(Func<long, CancellationToken, Task<IReadOnlyList<T>>> list, CancellationToken cancellationToken)
    {
        try
        {
            return OperationResults.Read(await list(Id, cancellationToken), test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<IReadOnlyList<T>>(failure, string.Empty);
        }
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var now = await ReadUpstreamAsync(cancellationToken);
        if (entry.Operation != OperationNames.UpdateCustomer)
        {
            throw new InvalidOperationException($"A customer grain does not journal {entry.Operation} operations.");
        }

        return entry.Details.Metadata is { } expected && now.Metadata is { } actual && JsonElement.DeepEquals(actual, expected)
            ? ReconciliationVerdict.Done(new JournalOutcome { Code = ResultCode.Success, Description = "Customer metadata updated." }, "the customer's metadata upstream equals what the update set, so it was carried out.")
            : ReconciliationVerdict.NotDone("the customer's metadata upstream differs from what the update set, so it was not carried out.");
    }

    private async Task<CustomerSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken) =>
        Cached is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
            ? cached
            : await ReadUpstreamAsync(cancellationToken);

    private async Task<CustomerSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken)
    {
        var customer = await _upstream.GetAsync(Id, cancellationToken);
        Observe(customer);
        return Cached!;
    }

    private void Observe(CustomerSnapshot customer) => _state.State = _state.State.Observed(customer, _time.GetUtcNow());

    private void Changed(CustomerSnapshot customer, string reason) => _state.State = _state.State.Changed(customer, _time.GetUtcNow(), reason);
}
