using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("subscription")]
internal sealed class SubscriptionGrain(
    [PersistentState("subscription")] IPersistentState<SubscriptionGrainState> state,
    ISubscriptionUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<SubscriptionGrain> logger)
    : CachedEntityGrain<SubscriptionGrainState, SubscriptionSnapshot>("subscription", state, options, time, logger), ISubscriptionGrain
{
    public Task<OperationResult<SubscriptionSnapshot>> AddDebtAsync(decimal delta, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        decimal before = 0m, target = 0m;
        return Keeper.RunAsync(
            new JournaledOperation<SubscriptionSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.AddDebt,
                // The delta, not the resulting debt: a retry must be recognised as the same request whatever the debt is now.
                Fingerprint = new RequestFingerprint(OperationNames.AddDebt).Add("subscription_id", Id).Add("delta", delta).Compute(),
                CheckAsync = async token =>
                {
                    if (SubscriptionDebt.CheckDelta(delta) is { } invalid)
                    {
                        return invalid;
                    }

                    // Always read: the billing engine consumes debt on its own schedule, so no cached debt is safe to add to.
                    var current = await ReadUpstreamAsync(token).ConfigureAwait(false);
                    before = current.Debt;
                    (target, var refusal) = SubscriptionDebt.Add(before, delta);
                    return refusal;
                },
                Details = () => new OperationDetails { DebtBefore = before, DebtTarget = target },
                SendAsync = async token =>
                {
                    var updated = await upstream.UpdateAsync(Id, new SubscriptionChange { Debt = target }, token).ConfigureAwait(false);
                    Observe(updated);
                    return (SubscriptionReconciliation.DebtOutcome(updated, before, target), updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);
    }

    public Task<OperationResult<SubscriptionSnapshot>> UpdateAsync(SubscriptionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SubscriptionChange? change = null;
        return Keeper.RunAsync(
            new JournaledOperation<SubscriptionSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.UpdateSubscription,
                Fingerprint = new RequestFingerprint(OperationNames.UpdateSubscription)
                    .Add("subscription_id", Id)
                    .Add("plan_id", request.PlanId)
                    .Add("status", request.Status)
                    .Add("quantity", request.Quantity)
                    .Add("metadata", request.Metadata)
                    .Add("stored_card_id", request.StoredCardId)
                    .Add("items", request.Items)
                    .Compute(),
                CheckAsync = async token =>
                {
                    if (Check(request) is { } invalid)
                    {
                        return invalid;
                    }

                    var current = await CurrentForMutationAsync(token).ConfigureAwait(false);
                    change = new SubscriptionChange
                    {
                        PlanId = request.PlanId,
                        Status = request.Status?.ToLowerInvariant(),
                        Quantity = request.Quantity,
                        Metadata = request.Metadata is { } patch ? MetadataMerge.Merge(current.Metadata, patch) : null,
                        StoredCardId = request.StoredCardId,
                        Items = request.Items,
                    };
                    return null;
                },
                Details = () => new OperationDetails
                {
                    PlanId = change!.PlanId,
                    TargetStatus = change.Status,
                    Quantity = change.Quantity,
                    StoredCardId = change.StoredCardId,
                    Metadata = change.Metadata,
                },
                SendAsync = async token =>
                {
                    var updated = await upstream.UpdateAsync(Id, change!, token).ConfigureAwait(false);
                    Observe(updated);
                    return (new JournalOutcome { Code = ResultCode.Success, Description = "Subscription updated; it is " + updated.Status + "." }, updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);
    }

    private static Refusal? Check(SubscriptionUpdateRequest request)
    {
        if (request.Status is { } status && !status.Equals("active", StringComparison.OrdinalIgnoreCase) && !status.Equals("cancelled", StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(ResultCode.InvalidArgument, "A subscription's status is active or cancelled, not '" + status + "'.");
        }

        if (request.Quantity is < 1)
        {
            return new Refusal(ResultCode.InvalidArgument, "A subscription's quantity is at least 1.");
        }

        if (request.Metadata is { ValueKind: not System.Text.Json.JsonValueKind.Object })
        {
            return new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.");
        }

        return request is { PlanId: null, Status: null, Quantity: null, Metadata: null, StoredCardId: null, Items: null }
            ? new Refusal(ResultCode.InvalidArgument, "A subscription update must change at least one field.")
            : null;
    }

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var now = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
        return entry.Operation switch
        {
            OperationNames.AddDebt => SubscriptionReconciliation.AddDebt(entry, now),
            OperationNames.UpdateSubscription => SubscriptionReconciliation.Update(entry, now),
            _ => throw new InvalidOperationException($"A subscription grain does not journal {entry.Operation} operations."),
        };
    }

    protected override Task<SubscriptionSnapshot> FetchAsync(long id, CancellationToken cancellationToken) =>
        upstream.GetAsync(id, cancellationToken);
}
