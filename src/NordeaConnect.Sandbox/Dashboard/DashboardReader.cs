using System.Globalization;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.Webhooks.Delivery;

namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>
/// Reads what the dashboard shows from the sandbox's books (every merchant's) and the webhook delivery log. Each read
/// holds one merchant's lock at a time; the records are immutable, so rows stay valid after it.
/// </summary>
internal sealed class DashboardReader(SandboxStore store, IWebhookDeliveryLog deliveries)
{
    public IReadOnlyList<TransactionRow> Transactions(TransactionSearch search) =>
        [.. store.Books.SelectMany(book => book.Read(b => b.Transactions.Values.Select(t => ToRow(b, t)).ToArray()))
            .Where(search.Matches)
            .OrderByDescending(row => row.Id)];

    public TransactionDetail? Transaction(long id)
    {
        foreach (var book in store.Books)
        {
            var found = book.Read(b => b.Transactions.TryGetValue(id, out var t)
                ? (Row: ToRow(b, t), Record: t, Refunds: t.RefundIds.Select(r => b.Refunds[r]).ToArray(), Webhooks: t.WebhookIds.Select(w => b.Webhooks[w]).ToArray())
                : default);
            if (found.Record is null)
            {
                continue;
            }

            var t = found.Record;
            var history = new List<HistoryEntry> { new(t.CreatedAt, "created", "Created", Describe(found.Row), null) };
            if (t.ProcessedAt is { } processed)
            {
                history.Add(t.Status switch
                {
                    TransactionStatus.Failed => new HistoryEntry(processed, "failed", "Failed", t.Error is { } failure ? failure.Error.Name + ": " + (failure.DescriptionOverride ?? failure.Error.Describe(Errors.ResponseLocale.English, failure.Arguments)) : null, null),
                    _ when t.AuthorizedAmount > Primitives.Amount.Zero => new HistoryEntry(processed, "authorized", "Authorized", t.AuthorizedAmount.ToUpstreamString() + " " + Currency(t), null),
                    _ => new HistoryEntry(processed, "approved", "Paid", t.Amount.ToUpstreamString() + " " + Currency(t), null),
                });
            }

            history.AddRange(t.Captures.Select(c => new HistoryEntry(c.CapturedAt, "captured", "Captured", c.Amount.ToUpstreamString() + " " + Currency(t), null)));
            history.AddRange(found.Refunds.Select(r => new HistoryEntry(
                r.CreatedAt, "refund", "Refund " + r.Id.ToString(CultureInfo.InvariantCulture), r.Amount.ToUpstreamString() + " " + Currency(t) + " (" + r.Status + ")" + (string.IsNullOrEmpty(r.Reason) ? string.Empty : ": " + r.Reason), null)));
            history.AddRange(found.Webhooks.Select(w => ToRow(book.MerchantId, w)).Select(w => new HistoryEntry(
                w.CreatedAt, "webhook", "Webhook " + w.Id.ToString(CultureInfo.InvariantCulture) + " (" + w.Trigger + ")", w.Target, w)));
            var token = t.Status == TransactionStatus.Pending ? t.HrefToken : null;
            return new TransactionDetail(found.Row, t.Error?.Error.Name, token, [.. history.OrderBy(h => h.At).ThenBy(h => Order(h.Kind))]);
        }

        return null;
    }

    public IReadOnlyList<WebhookRow> Webhooks() =>
        [.. store.Books.SelectMany(book => book.Read(b => b.Webhooks.Values.ToArray()).Select(w => ToRow(book.MerchantId, w)))
            .OrderBy(w => w.IsFailing ? 0 : 1)
            .ThenByDescending(w => w.Id)];

    public IReadOnlyList<SubscriptionRow> Subscriptions() =>
        [.. store.Books.SelectMany(book => book.Read(b => b.Subscriptions.Values.Select(s =>
        {
            var plan = b.Plans.GetValueOrDefault(s.PlanId);
            var charges = b.Transactions.Values.Where(t => t.SubscriptionId == s.Id)
                .Select(t => new ChargeRow(t.Id, t.CreatedAt, t.Amount.ToUpstreamString(), t.Currency.Code, t.Status)).ToArray();
            var card = s.StoredCardId is { } cardId ? b.StoredCards.GetValueOrDefault(cardId) : null;
            var customer = s.CustomerId is { } customerId ? b.Customers.GetValueOrDefault(customerId) : null;
            var billing = s.Billing;
            return new SubscriptionRow(
                s.Id, b.MerchantId, s.PlanId, plan?.Name ?? "(plan " + s.PlanId.ToString(CultureInfo.InvariantCulture) + ")", billing.Status.ToWire(),
                Schedule(billing.Terms.Interval, billing.Terms.Unit.ToWire()), billing.NextAt, billing.Debt.ToString("0.00", CultureInfo.InvariantCulture),
                billing.Quantity, s.Currency.Code, billing.PeriodsCharged, billing.PeriodsLeft, billing.RetryCount, customer?.Ref, card?.MaskedNumber, charges);
        }).ToArray())).OrderByDescending(s => s.Id)];

    public IReadOnlyList<CustomerRow> Customers() =>
        [.. store.Books.SelectMany(book => book.Read(b => b.Customers.Values.Select(c => new CustomerRow(
            c.Id, b.MerchantId, c.Ref, c.CreatedAt,
            [.. b.StoredCards.Values.Where(s => s.CustomerId == c.Id).Select(s => new StoredCardRow(s.Id, s.MaskedNumber, s.Brand, s.CardHolder, s.Expires, s.Status, s.Currency.Code))],
            b.Transactions.Values.Count(t => t.CustomerId == c.Id))).ToArray())).OrderByDescending(c => c.Id)];

    public IReadOnlyList<PlanRow> Plans() =>
        [.. store.Books.SelectMany(book => book.Read(b => b.Plans.Values.Select(p => new PlanRow(
            p.Id, b.MerchantId, p.Name, p.Description, Schedule(p.Interval, p.IntervalUnit), p.Periods, p.TrialLength,
            Prices(p.Prices), Prices(p.SetupFees), p.Status)).ToArray())).OrderByDescending(p => p.Id)];

    public IReadOnlyList<TemplateRow> Templates() =>
        [.. store.Books.SelectMany(book => book.Read(b => b.WebhookTemplates.Values.Select(t => new TemplateRow(
            t.Id, b.MerchantId, t.Type, t.Trigger, t.Url ?? t.Email, t.HttpMethod, t.DataFormat, t.Body, t.CustomHeaders)).ToArray())).OrderByDescending(t => t.Id)];

    private WebhookRow ToRow(string merchantId, WebhookRecord w)
    {
        var delivery = deliveries.Find(merchantId, w.Id);
        var attempts = delivery?.Attempts.Select(a => new AttemptRow(a.Number, a.At, a.StatusCode, a.ReasonPhrase, a.Error, a.At - w.CreatedAt, a.DurationMilliseconds)).ToArray() ?? [];
        // A webhook whose template could not be rendered carries why in its response and was never enqueued.
        var notSent = delivery is null && w.Response is { Code: "0" } response ? response.Error ?? response.Message : null;
        return new WebhookRow(
            w.Id, merchantId, w.CreatedAt, w.Trigger, w.Type, w.Url ?? w.Email, w.TransactionId,
            delivery?.State.ToString().ToLowerInvariant() ?? (notSent is null ? "not_sent" : "not_delivered"),
            delivery?.RetryCount ?? 0, delivery?.NextAttemptAt, attempts, notSent);
    }

    private static TransactionRow ToRow(MerchantBook book, TransactionRecord t) => new(
        t.Id, book.MerchantId, t.CreatedAt, t.PaymentRef, t.Status, t.Amount.ToUpstreamString(), t.Currency.Code, t.TransactionType,
        t.Card?.MaskedNumber, t.CustomerId is { } customerId ? book.Customers.GetValueOrDefault(customerId)?.Ref : null,
        t.RefundedAmount > Primitives.Amount.Zero ? t.RefundedAmount.ToUpstreamString() : null);

    private static string Describe(TransactionRow row) =>
        row.Amount + " " + row.Currency.ToUpperInvariant() + (row.PaymentRef is null ? string.Empty : ", payment_ref " + row.PaymentRef);

    private static string Currency(TransactionRecord t) => t.Currency.Code.ToUpperInvariant();

    private static int Order(string kind) => kind switch
    {
        "created" => 0,
        "authorized" or "approved" or "failed" => 1,
        "captured" => 2,
        "refund" => 3,
        _ => 4,
    };

    private static string Schedule(int interval, string unit) =>
        interval == 1 ? "every " + unit.TrimEnd('s') : "every " + interval.ToString(CultureInfo.InvariantCulture) + " " + unit;

    private static string Prices(IEnumerable<KeyValuePair<string, Primitives.Amount>> prices) =>
        string.Join(", ", prices.Select(p => p.Value.ToUpstreamString() + " " + p.Key.ToUpperInvariant()));
}
