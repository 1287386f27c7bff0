using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction-creation")]
internal sealed class TransactionCreationGrain : Grain, ITransactionCreationGrain, IRemindable, IJournalOwner
{
    private readonly StoredGrainState<TransactionCreationState> _state;
    private readonly ITransactionUpstream _upstream;
    private readonly JournalKeeper<TransactionCreationState> _journal;

    public TransactionCreationGrain(
        JournalServices journal,
        ITransactionUpstream upstream)
    {
        _upstream = upstream;
        _journal = new JournalKeeper<TransactionCreationState>(this, "creation", journal);
        _state = _journal;
    }

    string IJournalOwner.JournalSubject => "payment_ref " + Reference;

    Task<ReconciliationVerdict> IJournalOwner.ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken) => ReconcileAsync(entry, cancellationToken);

    private string Reference => this.GetPrimaryKeyString();

    /// <summary>The journal key every creation attempt for this payment_ref runs under, whatever key a caller may have.</summary>
    private string CreationKey => "create/" + Uri.EscapeDataString(Reference);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => _journal.ActivateAsync(cancellationToken);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.DeactivateAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => _journal.SettleAsync(CancellationToken.None);

    public Task<long?> GetTransactionIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(_state.State.TransactionId);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<JournalEntry>>(_state.State.Journal.Entries);

    public async Task<OperationResult<TransactionSnapshot>> CreateAsync(TransactionCreateRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One journal key per payment_ref: the payment_ref is what makes an order one payment.
        if (!PaymentRef.TryParse(Reference, out var paymentRef, out var invalid))
        {
            return OperationResults.Refused<TransactionSnapshot>(new Refusal(ResultCode.InvalidPaymentRef, invalid), idempotencyKey ?? string.Empty);
        }

        // A caller's own key names one request, whatever payment_ref: its first use is kept by the key's grain.
        var fingerprint = Fingerprint(request);
        if (idempotencyKey is not null)
        {
            if (!IdempotencyKeys.TryResolve(idempotencyKey, out _, out var malformed))
            {
                return OperationResults.Refused<TransactionSnapshot>(malformed, idempotencyKey);
            }

            if (await GrainFactory.GetGrain<ITransactionCreationKeyGrain>(idempotencyKey).ClaimAsync(Reference, fingerprint, cancellationToken) is { } reused)
            {
                return OperationResults.Refused<TransactionSnapshot>(reused, idempotencyKey);
            }
        }

        var start = await _journal.BeginAsync(CreationKey, OperationNames.CreateTransaction, fingerprint, replaceFailed: true, cancellationToken);
        if (start.Recorded is { } recorded)
        {
            return OperationResults.From(recorded.Outcome!, start.Key, await CreatedAsync(recorded, cancellationToken), replayed: true);
        }

        if (start.Refusal is { } refused)
        {
            return OperationResults.Refused<TransactionSnapshot>(ForCaller(refused), idempotencyKey ?? string.Empty);
        }

        if (Check(request) is { } refusal)
        {
            return OperationResults.Refused<TransactionSnapshot>(refusal, start.Key);
        }

        var details = new OperationDetails
        {
            Ref = Reference,
            Amount = request.Amount,
            KnownEntityIds = [.. _state.State.Journal.Entries.Select(entry => entry.Outcome?.EntityId).OfType<long>()],
        };
        if (await _journal.RecordIntentAsync(start, details) is { } fenced)
        {
            return OperationResults.Refused<TransactionSnapshot>(fenced, start.Key);
        }

        try
        {
            using var deadline = _journal.UpstreamCallDeadline(cancellationToken);
            var created = await _upstream.CreateAsync(paymentRef, request, deadline.Token);
            _state.State = _state.State with { TransactionId = created.Id };
            var outcome = CreationOutcome(created);
            await _journal.RecordDoneAsync(start.Key, outcome);
            // The transaction's grain counts its first version; a token payment is one "charged".
            var seeded = await GrainFactory.GetGrain<ITransactionGrain>(created.Id).SeedAsync(created, request.StoredCardId is null ? "created" : "charged", CancellationToken.None);
            return OperationResults.From(outcome, start.Key, seeded, replayed: false);
        }
        catch (Exception failure) when (failure is Client.NordeaConnectException or OperationCanceledException)
        {
            var settled = await _journal.RecordFailureAsync(start.Key, failure, cancellationToken);
            return OperationResults.AfterFailure(settled, failure, await CreatedAsync(settled, cancellationToken));
        }
    }

    /// <summary>A journal refusal as the caller should read it: the journal's key is this grain's own, so it names the payment_ref.</summary>
    private Refusal ForCaller(Refusal refused) => refused.Code == ResultCode.IdempotencyKeyReused
        ? refused with { Description = $"payment_ref '{Reference}' already has a transaction made from a different request; a new order needs a new payment_ref." }
        : refused with { Description = refused.Description.Replace("under key '" + CreationKey + "'", "for payment_ref '" + Reference + "'", StringComparison.Ordinal) };

    /// <summary>The transaction a recorded creation made, read through its grain.</summary>
    private async Task<TransactionSnapshot?> CreatedAsync(JournalEntry entry, CancellationToken cancellationToken) =>
        entry.Status == JournalStatus.Done && entry.Outcome?.EntityId is { } id
            ? (await GrainFactory.GetGrain<ITransactionGrain>(id).GetAsync(cancellationToken: cancellationToken)).Value
            : null;

    /// <summary>A creation with unknown outcome happened if upstream now lists a transaction with this payment_ref, amount
    /// and currency that earlier attempts did not make.</summary>
    private async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var paymentRef = PaymentRef.Parse(Reference);
        var listed = await _upstream.FindByPaymentRefAsync(paymentRef, cancellationToken);
        var known = entry.Details.KnownEntityIds.ToHashSet();
        var candidates = listed.Where(transaction => !known.Contains(transaction.Id) && transaction.Amount == entry.Details.Amount).OrderBy(transaction => transaction.Id).ToList();
        var context = FormattableString.Invariant($"upstream lists {listed.Count} transaction(s) with payment_ref '{Reference}', {known.Count} of them made by earlier attempts");
        if (candidates.Count == 0)
        {
            return ReconciliationVerdict.NotDone(context + "; none other has the amount " + entry.Details.Amount + ", so the creation was not carried out.");
        }

        var created = candidates[^1];
        _state.State = _state.State with { TransactionId = created.Id };
        await GrainFactory.GetGrain<ITransactionGrain>(created.Id).SeedAsync(created, "created", cancellationToken);
        return ReconciliationVerdict.Done(
            CreationOutcome(created),
            context + FormattableString.Invariant($"; transaction {created.Id} is new with the amount {created.Amount}, so the creation was carried out."));
    }

    private static Refusal? Check(TransactionCreateRequest request)
    {
        if (request.Amount == Amount.Zero)
        {
            return new Refusal(ResultCode.InvalidAmount, "A transaction's amount must be greater than 0.00.");
        }

        if (request.VatAmount is { } vat && vat > request.Amount)
        {
            return new Refusal(ResultCode.InvalidAmount, FormattableString.Invariant($"The VAT amount {vat} exceeds the amount {request.Amount}."));
        }

        if (request.Metadata is { ValueKind: not System.Text.Json.JsonValueKind.Object })
        {
            return new Refusal(ResultCode.InvalidArgument, "Metadata must be a JSON object.");
        }

        return null;
    }

    private static string Fingerprint(TransactionCreateRequest request) =>
        new RequestFingerprint(OperationNames.CreateTransaction)
            .Add("amount", request.Amount)
            .Add("currency", request.Currency)
            .Add("vat_amount", request.VatAmount)
            .Add("customer_ref", request.CustomerRef)
            .Add("test", request.Test)
            .Add("authorize", request.Authorize)
            .Add("process", request.Process)
            .Add("card", request.Card)
            .Add("stored_card_id", request.StoredCardId)
            .Add("success_url", request.SuccessUrl)
            .Add("error_url", request.ErrorUrl)
            .Add("template_id", request.TemplateId)
            .Add("metadata", request.Metadata)
            .Add("items", request.Items)
            .Add("webhooks", request.Webhooks)
            .Add("encrypted", request.Encrypted)
            .Compute();

    private static JournalOutcome CreationOutcome(TransactionSnapshot created) => new()
    {
        Code = created.State switch
        {
            TransactionState.Authorized => ResultCode.Authorized,
            TransactionState.Pending => ResultCode.Pending,
            TransactionState.Failed => ResultCode.UpstreamDeclined,
            _ => OperationResults.SuccessCode(created.Test),
        },
        Description = FormattableString.Invariant($"Transaction {created.Id} created; it is {created.Status}.")
            + (created.Error is { } error ? " " + error.Description : string.Empty),
        EntityId = created.Id,
        UpstreamError = created.Error,
    };
}
