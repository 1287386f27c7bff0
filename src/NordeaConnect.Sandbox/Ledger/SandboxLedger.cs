using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Ledger;

/// <summary>
/// Read-only access to what the sandbox has booked, for tests: every transaction, capture, refund and webhook,
/// across merchants (ids are unique across merchants).
/// </summary>
public sealed class SandboxLedger
{
    private readonly SandboxStore _store;
    private readonly IWebhookDeliveryLog _deliveries;

    internal SandboxLedger(SandboxStore store, IWebhookDeliveryLog deliveries)
    {
        _store = store;
        _deliveries = deliveries;
    }

    public LedgerTransaction? Transaction(long transactionId) =>
        Find(book => book.Transactions.TryGetValue(transactionId, out var t) ? ToLedger(t) : null);

    public IReadOnlyList<LedgerTransaction> Transactions(string merchantId) =>
        _store.For(merchantId).Read(book => book.Transactions.Values.Select(ToLedger).ToArray());

    /// <summary>Every refund booked against the transaction, oldest first.</summary>
    public IReadOnlyList<LedgerRefund> RefundsOf(long transactionId) =>
        Find(book => book.Transactions.TryGetValue(transactionId, out var t)
            ? t.RefundIds.Select(id => book.Refunds[id]).Select(r => new LedgerRefund(r.Id, r.TransactionId, r.Amount, r.Reason, r.Status, r.CreatedAt)).ToArray()
            : null) ?? [];

    /// <summary>Every capture of the transaction, oldest first.</summary>
    public IReadOnlyList<LedgerCapture> CapturesOf(long transactionId) =>
        Find(book => book.Transactions.TryGetValue(transactionId, out var t)
            ? t.Captures.Select(c => new LedgerCapture(t.Id, c.Amount, c.CapturedAt)).ToArray()
            : null) ?? [];

    /// <summary>Every webhook of a merchant with its delivery attempts (e-mail webhooks show one recorded attempt).</summary>
    public IReadOnlyList<LedgerWebhook> Webhooks(string merchantId) =>
        _store.For(merchantId).Read(book => book.Webhooks.Values.ToArray())
            .Select(w => ToLedger(w, _deliveries.Find(merchantId, w.Id)))
            .ToArray();

    private T? Find<T>(Func<MerchantBook, T?> read)
        where T : class
    {
        foreach (var book in _store.Books)
        {
            if (book.Read(read) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static LedgerTransaction ToLedger(TransactionRecord t) => new(
        t.Id, t.MerchantId, t.Status, t.Amount, t.AuthorizedAmount, t.RefundedAmount, t.Currency, t.PaymentRef, t.Test,
        t.CustomerId, t.StoredCardId, t.SubscriptionId, t.CreatedAt);

    private static LedgerWebhook ToLedger(WebhookRecord w, WebhookDeliveryStatus? delivery) => new(
        w.Id, w.Type, w.Trigger, w.Url, w.Email, w.TransactionId,
        delivery?.State.ToString().ToLowerInvariant() ?? "not_sent",
        delivery?.Attempts.Select(a => new LedgerWebhookAttempt(a.At, a.StatusCode, a.Error)).ToArray() ?? []);
}
