using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer")]
internal sealed class CustomerGrain : Grain, ICustomerGrain
{
    private readonly IPersistentState<CachedEntityState<CustomerSnapshot>> _state;
    private readonly ICustomerUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CustomerGrain> _logger;
    private JournalKeeper<CachedEntityState<CustomerSnapshot>>? _keeper;

    public CustomerGrain(
        [PersistentState("customer")] IPersistentState<CachedEntityState<CustomerSnapshot>> state,
        ICustomerUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        ILogger<CustomerGrain> logger)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private long Id => this.GetPrimaryKeyLong();

    private JournalKeeper<CachedEntityState<CustomerSnapshot>> Keeper =>
        _keeper ??= new JournalKeeper<CachedEntityState<CustomerSnapshot>>(_state, ReconcileAsync, _time, _options.Journal, _logger, "customer " + Id.ToString(CultureInfo.InvariantCulture));

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);

    public async Task<OperationResult<CustomerSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        if (_state.State.Entity is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time))
        {
            return OperationResults.Read(cached, test: false);
        }

        return await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperationResult<CustomerSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return OperationResults.Read(await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false), test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, _state.State.Entity);
        }
    }

    public Task<OperationResult<CustomerSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default) => RefreshAsync(cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public Task<OperationResult<CustomerSnapshot>> UpdateMetadataAsync(JsonElement metadata, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        JsonElement merged = default;
        return Keeper.RunAsync(
            new JournaledOperation<CustomerSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.UpdateCustomer,
                Fingerprint = new RequestFingerprint(OperationNames.UpdateCustomer).Add("customer_id", Id).Add("metadata", metadata).Compute(),
                CheckAsync = async token =>
                {
                    if (metadata.ValueKind != JsonValueKind.Object)
                    {
                        return new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.");
                    }

                    // Upstream's PUT replaces the metadata, so the merge needs what upstream holds now.
                    var current = _state.State.Entity is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time)
                        ? cached
                        : await ReadUpstreamAsync(token).ConfigureAwait(false);
                    merged = MetadataMerge.Merge(current.Metadata, metadata);
                    return null;
                },
                Details = () => new OperationDetails { Metadata = merged },
                SendAsync = async token =>
                {
                    var updated = await _upstream.UpdateMetadataAsync(Id, merged, token).ConfigureAwait(false);
                    Observe(updated);
                    return (new JournalOutcome { Code = ResultCode.Success, Description = "Customer metadata updated." }, updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Entity),
            },
            cancellationToken);
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
            return OperationResults.Read(await list(Id, cancellationToken).ConfigureAwait(false), test: false);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed<IReadOnlyList<T>>(failure, string.Empty);
        }
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var now = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
        if (entry.Operation != OperationNames.UpdateCustomer)
        {
            throw new InvalidOperationException($"A customer grain does not journal {entry.Operation} operations.");
        }

        return entry.Details.Metadata is { } expected && now.Metadata is { } actual && JsonElement.DeepEquals(actual, expected)
            ? ReconciliationVerdict.Done(new JournalOutcome { Code = ResultCode.Success, Description = "Customer metadata updated." }, "the customer's metadata upstream equals what the update set, so it was carried out.")
            : ReconciliationVerdict.NotDone("the customer's metadata upstream differs from what the update set, so it was not carried out.");
    }

    private async Task<CustomerSnapshot> ReadUpstreamAsync(CancellationToken cancellationToken)
    {
        var customer = await _upstream.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        Observe(customer);
        return customer;
    }

    private void Observe(CustomerSnapshot customer) =>
        _state.State = _state.State with { Entity = customer, RefreshedAt = _time.GetUtcNow() };
}
