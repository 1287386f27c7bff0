using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction")]
internal sealed class TransactionGrain(
    [PersistentState("transaction")] IPersistentState<TransactionGrainState> state,
    ITransactionUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<TransactionGrain> logger)
    : CachedEntityGrain<TransactionGrainState, TransactionSnapshot>("transaction", state, options, time, logger), ITransactionGrain
{
    public async Task<OperationResult<IReadOnlyList<RefundSnapshot>>> GetRefundsAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        var transaction = await GetAsync(maxStaleness, cancellationToken).ConfigureAwait(false);
        return new OperationResult<IReadOnlyList<RefundSnapshot>>
        {
            Code = transaction.Code,
            Description = transaction.Description,
            UpstreamError = transaction.UpstreamError,
            IdempotencyKey = string.Empty,
            Value = transaction.Value?.Refunds,
        };
    }

    public Task SeedAsync(TransactionSnapshot created, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (created.Id != Id)
        {
            throw new ArgumentException($"Transaction {created.Id} cannot seed the grain of transaction {Id}.", nameof(created));
        }

        if (Cached is null)
        {
            Observe(created);
        }

        return Task.CompletedTask;
    }

    public Task<OperationResult<TransactionSnapshot>> CaptureAsync(Amount amount, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<TransactionSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.Capture,
                Fingerprint = new RequestFingerprint(OperationNames.Capture).Add("transaction_id", Id).Add("amount", amount).Compute(),
                CheckAsync = async token => TransactionLedger.From(await CurrentForMutationAsync(token).ConfigureAwait(false)).CheckCapture(amount),
                Details = () => new OperationDetails { Amount = amount, StatusBefore = Cached?.Status },
                SendAsync = async token =>
                {
                    var captured = await upstream.CaptureAsync(Id, amount, token).ConfigureAwait(false);
                    Observe(captured);
                    return (CaptureOutcome(captured, amount), captured);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);

    public Task<OperationResult<RefundSnapshot>> RefundAsync(Amount amount, string reason, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<RefundSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.Refund,
                Fingerprint = new RequestFingerprint(OperationNames.Refund).Add("transaction_id", Id).Add("amount", amount).Add("reason", reason).Compute(),
                CheckAsync = async token =>
                {
                    if (string.IsNullOrWhiteSpace(reason))
                    {
                        return new Refusal(ResultCode.InvalidArgument, "A refund needs a reason; upstream requires one.");
                    }

                    return TransactionLedger.From(await CurrentForMutationAsync(token).ConfigureAwait(false)).CheckRefund(amount);
                },
                Details = () => new OperationDetails
                {
                    Amount = amount,
                    Reason = reason,
                    KnownEntityIds = [.. (Cached?.Refunds ?? []).Select(refund => refund.Id)],
                },
                SendAsync = async token =>
                {
                    var refund = await upstream.RefundAsync(Id, amount, reason, token).ConfigureAwait(false);
                    AddRefund(refund);
                    return (RefundOutcome(refund), refund);
                },
                ReplayAsync = (entry, _) => Task.FromResult<RefundSnapshot?>(RecordedRefund(entry)),
            },
            cancellationToken);

    public Task<OperationResult<TransactionSnapshot>> UpdateAsync(TransactionUpdateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        TransactionUpdateRequest? outgoing = null;
        return Keeper.RunAsync(
            new JournaledOperation<TransactionSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.UpdateTransaction,
                Fingerprint = new RequestFingerprint(OperationNames.UpdateTransaction)
                    .Add("transaction_id", Id)
                    .Add("metadata", request.Metadata)
                    .Add("card", request.Card)
                    .Add("process", request.Process)
                    .Add("amount", request.Amount)
                    .Add("vat_amount", request.VatAmount)
                    .Add("currency", request.Currency)
                    .Add("customer_ref", request.CustomerRef)
                    .Add("items", request.Items)
                    .Compute(),
                CheckAsync = async token =>
                {
                    if (request.Metadata is { ValueKind: not System.Text.Json.JsonValueKind.Object })
                    {
                        return new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.");
                    }

                    var current = await CurrentForMutationAsync(token).ConfigureAwait(false);
                    if (request.Card is not null && TransactionLedger.From(current).CheckCardDetails() is { } locked)
                    {
                        return locked;
                    }

                    outgoing = request with
                    {
                        Metadata = request.Metadata is { } patch ? MetadataMerge.Merge(current.Metadata, patch) : null,
                        // The reference changes an approved transaction's metadata only with process=false.
                        Process = request.Process ?? (current.State == TransactionState.Approved && request.Card is null ? false : null),
                    };
                    return null;
                },
                Details = () => new OperationDetails { Metadata = outgoing!.Metadata, StatusBefore = Cached?.Status },
                SendAsync = async token =>
                {
                    var updated = await upstream.UpdateAsync(Id, outgoing!, token).ConfigureAwait(false);
                    Observe(updated);
                    return (new JournalOutcome { Code = OperationResults.SuccessCode(updated.Test), Description = "Transaction updated; it is " + updated.Status + "." }, updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(Cached),
            },
            cancellationToken);
    }

    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var transaction = await ReadUpstreamAsync(cancellationToken).ConfigureAwait(false);
        return entry.Operation switch
        {
            OperationNames.Capture => TransactionReconciliation.Capture(entry, transaction),
            OperationNames.Refund => TransactionReconciliation.Refund(entry, transaction, Stored.State.Journal),
            OperationNames.UpdateTransaction => TransactionReconciliation.Update(entry, transaction),
            _ => throw new InvalidOperationException($"A transaction grain does not journal {entry.Operation} operations."),
        };
    }

    protected override Task<TransactionSnapshot> FetchAsync(long id, CancellationToken cancellationToken) =>
        upstream.GetAsync(id, cancellationToken);

    protected override bool IsTest(TransactionSnapshot entity) => entity.Test;

    private void AddRefund(RefundSnapshot refund)
    {
        if (Cached is { } transaction && !transaction.Refunds.Exists(known => known.Id == refund.Id))
        {
            Stored.State = Stored.State with { Transaction = transaction with { Refunds = transaction.Refunds.Add(refund) } };
        }
    }

    private RefundSnapshot? RecordedRefund(JournalEntry entry)
    {
        if (entry.Outcome?.EntityId is not { } refundId)
        {
            return null;
        }

        return Cached?.Refunds.Find(refund => refund.Id == refundId)
            ?? new RefundSnapshot { Id = refundId, TransactionId = Id, Amount = entry.Details.Amount ?? Amount.Zero, Reason = entry.Details.Reason };
    }

    private static JournalOutcome CaptureOutcome(TransactionSnapshot captured, Amount amount) => new()
    {
        Code = OperationResults.SuccessCode(captured.Test),
        Description = FormattableString.Invariant($"Captured {amount} of transaction {captured.Id}; it is {captured.Status}."),
    };

    private JournalOutcome RefundOutcome(RefundSnapshot refund) => TransactionReconciliation.RefundOutcome(refund, Cached?.Test ?? false);
}
