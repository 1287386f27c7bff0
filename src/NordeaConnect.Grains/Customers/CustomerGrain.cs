using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("customer")]
internal sealed class CustomerGrain(
    [PersistentState("customer")] IPersistentState<CachedEntityState<CustomerSnapshot>> state,
    ICustomerUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<CustomerGrain> logger)
    : CachedEntityGrain<CachedEntityState<CustomerSnapshot>, CustomerSnapshot>("customer", state, options, time, logger), ICustomerGrain
{
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
                    var current = await CurrentForMutationAsync(token).ConfigureAwait(false);
                    merged = MetadataMerge.Merge(current.Metadata, metadata);
                    return null;
                },
                Details = () => new OperationDetails { Metadata = merged },
                SendAsync = async token =>
                {
                    var updated = await upstream.UpdateMetadataAsync(Id, merged, token).ConfigureAwait(false);
                    Observe(updated);
                    return (new JournalOutcome { Code = ResultCode.Success, Description = "Customer metadata updated." }, updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);
    }

    public Task<OperationResult<IReadOnlyList<TransactionSnapshot>>> GetTransactionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(upstream.ListTransactionsAsync, cancellationToken);

    public Task<OperationResult<IReadOnlyList<StoredCardSnapshot>>> GetStoredCardsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(upstream.ListStoredCardsAsync, cancellationToken);

    public Task<OperationResult<IReadOnlyList<SubscriptionSnapshot>>> GetSubscriptionsAsync(CancellationToken cancellationToken = default) =>
        ListAsync(upstream.ListSubscriptionsAsync, cancellationToken);

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

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
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

    protected override Task<CustomerSnapshot> FetchAsync(long id, CancellationToken cancellationToken) =>
        upstream.GetAsync(id, cancellationToken);
}
