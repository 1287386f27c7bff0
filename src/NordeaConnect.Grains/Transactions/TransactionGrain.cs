using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction")]
internal sealed class TransactionGrain : Grain, ITransactionGrain
{
    private readonly IPersistentState<TransactionGrainState> _state;
    private readonly ITransactionUpstream _upstream;
    private readonly PaymentGrainsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TransactionGrain> _logger;
    private JournalKeeper<TransactionGrainState>? _keeper;

    public TransactionGrain(
        [PersistentState("transaction")] IPersistentState<TransactionGrainState> state,
        ITransactionUpstream upstream,
        IOptions<PaymentGrainsOptions> options,
        TimeProvider time,
        ILogger<TransactionGrain> logger)
    {
        _state = state;
        _upstream = upstream;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private long Id => this.GetPrimaryKeyLong();

    private JournalKeeper<TransactionGrainState> Keeper =>
        _keeper ??= new JournalKeeper<TransactionGrainState>(_state, ReconcileAsync, _time, _options.Journal, _logger, "transaction " + Id.ToString(CultureInfo.InvariantCulture));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // An operation left in doubt by a crash or a lost answer is settled before any call runs.
        await Keeper.ReconcileAllAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperationResult<TransactionSnapshot>> GetAsync(TimeSpan? maxStaleness = null, CancellationToken cancellationToken = default)
    {
        if (_state.State.Transaction is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, maxStaleness ?? _options.DefaultStaleness, _time))
        {
            return OperationResults.Read(cached, cached.Test);
        }

        return await RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<OperationResult<TransactionSnapshot>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var transaction = await _upstream.GetAsync(Id, cancellationToken).ConfigureAwait(false);
            Observe(transaction);
            return OperationResults.Read(transaction, transaction.Test);
        }
        catch (NordeaConnectException failure)
        {
            return OperationResults.Failed(failure, string.Empty, _state.State.Transaction);
        }
    }

    public Task<OperationResult<TransactionSnapshot>> NotifyChangedAsync(CancellationToken cancellationToken = default) =>
        RefreshAsync(cancellationToken);

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

        if (_state.State.Transaction is null)
        {
            Observe(created);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public Task<OperationResult<TransactionSnapshot>> CaptureAsync(Amount amount, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        Keeper.RunAsync(
            new JournaledOperation<TransactionSnapshot>
            {
                IdempotencyKey = idempotencyKey,
                Operation = OperationNames.Capture,
                Fingerprint = new RequestFingerprint(OperationNames.Capture).Add("transaction_id", Id).Add("amount", amount).Compute(),
                CheckAsync = async token => TransactionLedger.From(await CurrentForMutationAsync(token).ConfigureAwait(false)).CheckCapture(amount),
                Details = () => new OperationDetails { Amount = amount, StatusBefore = _state.State.Transaction?.Status },
                SendAsync = async token =>
                {
                    var captured = await _upstream.CaptureAsync(Id, amount, token).ConfigureAwait(false);
                    Observe(captured);
                    return (CaptureOutcome(captured, amount), captured);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Transaction),
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
                    KnownEntityIds = [.. (_state.State.Transaction?.Refunds ?? []).Select(refund => refund.Id)],
                },
                SendAsync = async token =>
                {
                    var refund = await _upstream.RefundAsync(Id, amount, reason, token).ConfigureAwait(false);
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
                Details = () => new OperationDetails { Metadata = outgoing!.Metadata, StatusBefore = _state.State.Transaction?.Status },
                SendAsync = async token =>
                {
                    var updated = await _upstream.UpdateAsync(Id, outgoing!, token).ConfigureAwait(false);
                    Observe(updated);
                    return (new JournalOutcome { Code = OperationResults.SuccessCode(updated.Test), Description = "Transaction updated; it is " + updated.Status + "." }, updated);
                },
                ReplayAsync = (_, _) => Task.FromResult(_state.State.Transaction),
            },
            cancellationToken);
    }

    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var transaction = await _upstream.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        Observe(transaction);
        return entry.Operation switch
        {
            OperationNames.Capture => TransactionReconciliation.Capture(entry, transaction),
            OperationNames.Refund => TransactionReconciliation.Refund(entry, transaction, _state.State.Journal),
            OperationNames.UpdateTransaction => TransactionReconciliation.Update(entry, transaction),
            _ => throw new InvalidOperationException($"A transaction grain does not journal {entry.Operation} operations."),
        };
    }

    private async Task<TransactionSnapshot> CurrentForMutationAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Transaction is { } cached && CacheEntries.IsFresh(_state.State.RefreshedAt, _options.MutationStaleness, _time))
        {
            return cached;
        }

        var transaction = await _upstream.GetAsync(Id, cancellationToken).ConfigureAwait(false);
        Observe(transaction);
        return transaction;
    }

    private void Observe(TransactionSnapshot transaction) =>
        _state.State = _state.State with { Transaction = transaction, RefreshedAt = _time.GetUtcNow() };

    private void AddRefund(RefundSnapshot refund)
    {
        if (_state.State.Transaction is { } transaction && !transaction.Refunds.Exists(known => known.Id == refund.Id))
        {
            _state.State = _state.State with { Transaction = transaction with { Refunds = transaction.Refunds.Add(refund) } };
        }
    }

    private RefundSnapshot? RecordedRefund(JournalEntry entry)
    {
        if (entry.Outcome?.EntityId is not { } refundId)
        {
            return null;
        }

        return _state.State.Transaction?.Refunds.Find(refund => refund.Id == refundId)
            ?? new RefundSnapshot { Id = refundId, TransactionId = Id, Amount = entry.Details.Amount ?? Amount.Zero, Reason = entry.Details.Reason };
    }

    private static JournalOutcome CaptureOutcome(TransactionSnapshot captured, Amount amount) => new()
    {
        Code = OperationResults.SuccessCode(captured.Test),
        Description = FormattableString.Invariant($"Captured {amount} of transaction {captured.Id}; it is {captured.Status}."),
    };

    private JournalOutcome RefundOutcome(RefundSnapshot refund) => TransactionReconciliation.RefundOutcome(refund, _state.State.Transaction?.Test ?? false);
}
