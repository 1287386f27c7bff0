using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.WebhookTemplates;

namespace NordeaConnect.Sandbox.Store;

/// <summary>
/// Everything one merchant has. All reads and writes go through <see cref="Read{T}"/> and <see cref="Write{T}"/>,
/// which hold the merchant's lock, so a check and the change it guards (refund within what is left, capture within
/// what is authorized) happen as one step. Records are immutable, so what a read returns stays valid after it.
/// </summary>
internal sealed class MerchantBook(string merchantId, EntityIds ids)
{
    private readonly Lock _gate = new();

    public string MerchantId { get; } = merchantId;

    public EntityIds Ids { get; } = ids;

    public SortedDictionary<long, TransactionRecord> Transactions { get; } = [];

    public Dictionary<string, long> TransactionsByHrefToken { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<long, RefundRecord> Refunds { get; } = [];

    public SortedDictionary<long, StoredCardRecord> StoredCards { get; } = [];

    public Dictionary<string, long> StoredCardsByToken { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<long, PlanRecord> Plans { get; } = [];

    public SortedDictionary<long, SubscriptionRecord> Subscriptions { get; } = [];

    public SortedDictionary<long, CustomerRecord> Customers { get; } = [];

    public Dictionary<string, long> CustomersByRef { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<long, WebhookTemplateRecord> WebhookTemplates { get; } = [];

    public SortedDictionary<long, WebhookRecord> Webhooks { get; } = [];

    public T Read<T>(Func<MerchantBook, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    public T Write<T>(Func<MerchantBook, T> write)
    {
        lock (_gate)
        {
            return write(this);
        }
    }
}
