using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

/// <summary>Transactions through their grains: creation keyed by payment_ref, everything else by transaction id.</summary>
internal sealed class GrainTransactionOperations(IGrainFactory grains, EntityVersions versions, INotificationOutbox? outbox = null) : ITransactionOperations
{
    public async Task<TransactionView> CreateAsync(TransactionCreation creation, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Unsupported(creation.StoredCardToken, "stored_card_token", "charge a stored card with StoredCards.Charge");
        Unsupported(creation.Webhooks.Count > 0 ? "given" : null, "webhooks", "configure webhook templates with WebhookTemplates.Create");
        var request = new TransactionCreateRequest
        {
            Amount = creation.Amount,
            Currency = creation.Currency,
            VatAmount = creation.VatAmount,
            CustomerRef = creation.CustomerRef,
            Test = creation.Test,
            Authorize = creation.Authorize,
            Process = creation.Process ?? true,
            Card = Card(creation.Card),
            SuccessUrl = creation.SuccessUrl,
            ErrorUrl = creation.ErrorUrl,
            TemplateId = creation.TemplateId,
            Metadata = creation.Metadata,
            Items = creation.Items.Count > 0 ? creation.Items : null,
        };

        // The creation grain is keyed by payment_ref; its journal is what makes a double submit create one transaction.
        var created = GrainResults.Unwrap(await grains.GetGrain<ITransactionCreationGrain>(creation.PaymentRef.Value).CreateAsync(request, cancellationToken));
        return await CreatedAsync(created, "created", creation.NotificationUrl, cancellationToken);
    }

    public async Task<TransactionView> GetAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        var snapshot = GrainResults.Unwrap(await Grain(id).GetAsync(maxStaleness, cancellationToken));
        return State(snapshot, versions.Observed(EntityKey.ForTransaction(id)));
    }

    public async Task<TransactionView> UpdateAsync(long id, TransactionUpdate update, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var request = new TransactionUpdateRequest
        {
            Metadata = update.Metadata,
            Card = Card(update.Card),
            Process = update.Process,
            Amount = update.Amount,
            VatAmount = update.VatAmount,
            Currency = update.Currency,
            CustomerRef = update.CustomerRef,
            Items = update.Items,
        };
        var snapshot = GrainResults.Unwrap(await Grain(id).UpdateAsync(request, idempotencyKey, cancellationToken));
        return Changed(snapshot, "updated");
    }

    public async Task<TransactionView> CaptureAsync(long id, Amount? amount, string? locale, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var grain = Grain(id);
        // No amount captures everything authorized: while authorized, the transaction's amount is what is reserved.
        var toCapture = amount ?? GrainResults.Unwrap(await grain.GetAsync(null, cancellationToken)).Amount;
        var snapshot = GrainResults.Unwrap(await grain.CaptureAsync(toCapture, idempotencyKey, cancellationToken));
        return Changed(snapshot, "captured");
    }

    public async Task<Upstream.Refund> RefundAsync(long id, Amount amount, string? reason, string? locale, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var grain = Grain(id);
        var refund = GrainResults.Unwrap(await grain.RefundAsync(amount, reason ?? string.Empty, idempotencyKey, cancellationToken));
        // Watchers of the transaction see the refund as a change of the transaction.
        var transaction = GrainResults.Unwrap(await grain.GetAsync(TimeSpan.MaxValue, cancellationToken));
        Changed(transaction, "refunded");
        return GrainSnapshots.ToEntity(refund);
    }

    public async Task<IReadOnlyList<Upstream.Refund>> ListRefundsAsync(long id, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        var refunds = GrainResults.Unwrap(await Grain(id).GetRefundsAsync(maxStaleness, cancellationToken));
        return refunds.Select(GrainSnapshots.ToEntity).ToArray();
    }

    /// <summary>
    /// Publishes a new transaction's first state. The receiver is subscribed first, so the creation itself is among
    /// the changes it is sent (subscribing is idempotent, so a repeated Create subscribes it once).
    /// </summary>
    internal async Task<TransactionView> CreatedAsync(TransactionSnapshot snapshot, string reason, Uri? notificationUrl, CancellationToken cancellationToken)
    {
        if (notificationUrl is not null)
        {
            if (outbox is null)
            {
                throw new InvalidOperationException("notification_url needs the notification outbox: add AddNotificationOutbox (AddGatewayFacade adds one in memory).");
            }

            await outbox.SubscribeAsync(EntityKey.ForTransaction(snapshot.Id), notificationUrl, cancellationToken);
        }

        return Changed(snapshot, reason);
    }

    internal TransactionView Changed(TransactionSnapshot snapshot, string reason) =>
        versions.Changed(EntityKey.ForTransaction(snapshot.Id), reason, change => State(snapshot, change));

    private static TransactionView State(TransactionSnapshot snapshot, EntityChange change) =>
        new(GrainSnapshots.ToEntity(snapshot), new TransactionBalances(snapshot.AuthorizedAmount, snapshot.CapturedAmount, snapshot.RefundedAmount), change);

    private ITransactionGrain Grain(long id) => grains.GetGrain<ITransactionGrain>(id);

    private static Grains.CardDetails? Card(Operations.CardDetails? card)
    {
        if (card is null)
        {
            return null;
        }

        if (card.Number is null)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, "card_number is missing: card details need the card number along with holder, expiry, cvv and type");
        }

        return new Grains.CardDetails(card.Number, card.Cvv, card.Holder, card.Expiry, card.Type);
    }

    private static void Unsupported(string? given, string field, string instead)
    {
        if (given is not null)
        {
            throw new GatewayRefusalException(ResultCode.InvalidArgument, $"{field} is not supported by this gateway version: {instead}");
        }
    }
}
