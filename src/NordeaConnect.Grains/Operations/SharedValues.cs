using System.Collections.Concurrent;
using NordeaConnect.Primitives;

namespace NordeaConnect.Grains;

/// <summary>
/// One instance per distinct value of what every cached transaction repeats (status, payment type and method, card
/// brand and expiry, currency, the change count), so a silo caching many transactions keeps each value once instead
/// of once per activation (about 230 bytes each). Bounded: past <see cref="Capacity"/> values a value is kept as it
/// came, so an unexpected stream of distinct values cannot grow it.
/// </summary>
internal static class SharedValues
{
    public const int Capacity = 4096;

    /// <summary>Change counts above this are rare enough to keep per entity.</summary>
    private const long SharedVersions = 64;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(long Version, string Reason), EntityChange> KnownChanges = new();
    private static int _count;

    public static string? Share(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Known.TryGetValue(text, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Capacity)
        {
            return text;
        }

        var added = Known.GetOrAdd(text, text);
        if (ReferenceEquals(added, text))
        {
            Interlocked.Increment(ref _count);
        }

        return added;
    }

    public static EntityChange? Share(EntityChange? change)
    {
        if (change is null)
        {
            return null;
        }

        if (KnownChanges.TryGetValue((change.Version, change.Reason), out var shared))
        {
            return shared;
        }

        var reason = Share(change.Reason)!;
        var candidate = ReferenceEquals(reason, change.Reason) ? change : change with { Reason = reason };
        if (change.Version > SharedVersions || Volatile.Read(ref _count) >= Capacity)
        {
            return candidate;
        }

        var added = KnownChanges.GetOrAdd((candidate.Version, reason), candidate);
        if (ReferenceEquals(added, candidate))
        {
            Interlocked.Increment(ref _count);
        }

        return added;
    }

    /// <summary>A cached snapshot whose repeated texts are the shared instances; the same snapshot when they already are.</summary>
    public static T Compact<T>(T entity)
        where T : class =>
        entity is TransactionSnapshot transaction ? (T)(object)Compact(transaction) : entity;

    private static TransactionSnapshot Compact(TransactionSnapshot transaction)
    {
        var status = Share(transaction.Status)!;
        var type = Share(transaction.TransactionType);
        var method = Share(transaction.PaymentMethod);
        var cardType = Share(transaction.CardType);
        var expiry = Share(transaction.CardExpiry);
        var currency = transaction.Currency is { } code ? Canonical(code) : (CurrencyCode?)null;
        var change = Share(transaction.Change);
        if (ReferenceEquals(status, transaction.Status) && ReferenceEquals(type, transaction.TransactionType)
            && ReferenceEquals(method, transaction.PaymentMethod) && ReferenceEquals(cardType, transaction.CardType)
            && ReferenceEquals(expiry, transaction.CardExpiry) && ReferenceEquals(change, transaction.Change)
            && (currency is null || ReferenceEquals(currency.Value.Code, transaction.Currency!.Value.Code)))
        {
            return transaction;
        }

        return transaction with
        {
            Status = status,
            TransactionType = type,
            PaymentMethod = method,
            CardType = cardType,
            CardExpiry = expiry,
            Currency = currency,
            Change = change,
        };
    }

    /// <summary>The accepted currency's own instance, whose code text is shared.</summary>
    private static CurrencyCode Canonical(CurrencyCode currency)
    {
        foreach (var known in CurrencyCode.All)
        {
            if (known.Equals(currency))
            {
                return known;
            }
        }

        return currency;
    }
}
