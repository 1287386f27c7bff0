using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Services;

/// <summary>
/// A Get's <c>extend</c>: the related entities returned whole, each read through its own grain (so from its cache
/// within the same staleness bound), as Nordea Connect nests them. An unknown name is refused before any read.
/// </summary>
public sealed class RelatedEntities(IGrainFactory grains)
{
    private static readonly string[] OfTransaction = ["customer", "stored_card", "subscription"];
    private static readonly string[] OfStoredCard = ["customer"];

    /// <summary>Checks the names a transaction read may extend; returns them as a set.</summary>
    public static IReadOnlySet<string> TransactionExtends(IEnumerable<string> extend) => Names(extend, OfTransaction);

    public static IReadOnlySet<string> StoredCardExtends(IEnumerable<string> extend) => Names(extend, OfStoredCard);

    /// <summary>Refunds nest their transaction; a refund read goes upstream, which nests it.</summary>
    public static IReadOnlySet<string> RefundExtends(IEnumerable<string> extend) => Names(extend, ["transaction"]);

    public async Task<TransactionSnapshot> ExtendAsync(TransactionSnapshot transaction, IReadOnlySet<string> extend, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(extend);
        if (extend.Count == 0)
        {
            return transaction;
        }

        return transaction with
        {
            Customer = extend.Contains("customer") && transaction.CustomerId is { } customerId
                ? GrainResults.Unwrap(await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(maxStaleness, cancellationToken))
                : transaction.Customer,
            StoredCard = extend.Contains("stored_card") && transaction.StoredCardId is { } storedCardId
                ? GrainResults.Unwrap(await grains.GetGrain<IStoredCardGrain>(storedCardId).GetAsync(maxStaleness, cancellationToken))
                : transaction.StoredCard,
            Subscription = extend.Contains("subscription") && transaction.SubscriptionId is { } subscriptionId
                ? GrainResults.Unwrap(await grains.GetGrain<ISubscriptionGrain>(subscriptionId).GetAsync(maxStaleness, cancellationToken))
                : transaction.Subscription,
        };
    }

    public async Task<StoredCardSnapshot> ExtendAsync(StoredCardSnapshot card, IReadOnlySet<string> extend, TimeSpan? maxStaleness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(extend);
        return extend.Contains("customer") && card.CustomerId is { } customerId
            ? card with { Customer = GrainResults.Unwrap(await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(maxStaleness, cancellationToken)) }
            : card;
    }

    private static HashSet<string> Names(IEnumerable<string> extend, string[] allowed)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in extend)
        {
            names.Add(RequestFields.OneOf(name, "extend", allowed));
        }

        return names;
    }
}
