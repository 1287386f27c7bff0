using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Grains.Runtime;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

[GrainType("transaction-creation")]
internal sealed class TransactionCreationGrain(
    [PersistentState("creation")] IPersistentState<TransactionCreationState> state,
    ITransactionUpstream upstream,
    IOptions<PaymentGrainsOptions> options,
    TimeProvider time,
    ILogger<TransactionCreationGrain> logger)
    : CreationGrain<TransactionCreationState>("payment_ref", state, options, time, logger), ITransactionCreationGrain
{
    public Task<long?> GetTransactionIdAsync(CancellationToken cancellationToken = default) => Task.FromResult(Stored.State.TransactionId);

    public async Task<OperationResult<TransactionSnapshot>> CreateAsync(TransactionCreateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One key per payment_ref, whatever key the caller may have: the payment_ref is what makes an order one payment.
        var journalKey = CreationKey;
        if (!PaymentRef.TryParse(Reference, out var paymentRef, out var invalid))
        {
            return OperationResults.Refused<TransactionSnapshot>(new Refusal(ResultCode.InvalidPaymentRef, invalid), journalKey);
        }

        return await Keeper.RunAsync(
            new JournaledOperation<TransactionSnapshot>
            {
                IdempotencyKey = journalKey,
                Operation = OperationNames.CreateTransaction,
                Fingerprint = Fingerprint(request),
                ReplaceFailed = true,
                CheckAsync = _ => Task.FromResult(Check(request)),
                Details = () => new OperationDetails
                {
                    Ref = Reference,
                    Amount = request.Amount,
                    KnownEntityIds = [.. Stored.State.Journal.Entries.Select(entry => entry.Outcome?.EntityId).OfType<long>()],
                },
                SendAsync = async token =>
                {
                    var created = await upstream.CreateAsync(paymentRef, request, token).ConfigureAwait(false);
                    Stored.State = Stored.State with { TransactionId = created.Id };
                    await GrainFactory.GetGrain<ITransactionGrain>(created.Id).SeedAsync(created, token).ConfigureAwait(false);
                    return (CreationOutcome(created), created);
                },
                ReplayAsync = async (entry, token) => entry.Outcome?.EntityId is { } id
                    ? (await GrainFactory.GetGrain<ITransactionGrain>(id).GetAsync(cancellationToken: token).ConfigureAwait(false)).Value
                    : null,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A creation with unknown outcome happened if upstream now lists a transaction with this payment_ref, amount
    /// and currency that earlier attempts did not make.</summary>
    protected override async Task<ReconciliationVerdict> ReconcileAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var paymentRef = PaymentRef.Parse(Reference);
        var listed = await upstream.FindByPaymentRefAsync(paymentRef, cancellationToken).ConfigureAwait(false);
        var known = entry.Details.KnownEntityIds.ToHashSet();
        var candidates = listed.Where(transaction => !known.Contains(transaction.Id) && transaction.Amount == entry.Details.Amount).OrderBy(transaction => transaction.Id).ToList();
        var context = FormattableString.Invariant($"upstream lists {listed.Count} transaction(s) with payment_ref '{Reference}', {known.Count} of them made by earlier attempts");
        if (candidates.Count == 0)
        {
            return ReconciliationVerdict.NotDone(context + "; none other has the amount " + entry.Details.Amount + ", so the creation was not carried out.");
        }

        var created = candidates[^1];
        Stored.State = Stored.State with { TransactionId = created.Id };
        await GrainFactory.GetGrain<ITransactionGrain>(created.Id).SeedAsync(created, cancellationToken).ConfigureAwait(false);
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
