using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.GrainCalls;

/// <summary>
/// A grain's snapshot in the shape the façade's mapping reads (the client's entities, which lists return too), so
/// one mapping serves both grain answers and list pages.
/// </summary>
internal static class GrainSnapshots
{
    public static Upstream.Transaction ToEntity(TransactionSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        PaymentRef = snapshot.PaymentRef,
        Status = snapshot.Status,
        Amount = snapshot.Amount,
        VatAmount = snapshot.VatAmount,
        Currency = snapshot.Currency,
        Test = snapshot.Test,
        Authorize = snapshot.Authorize,
        TransactionType = snapshot.TransactionType,
        PaymentMethod = snapshot.PaymentMethod,
        CardType = snapshot.CardType,
        CardNumber = snapshot.MaskedCardNumber,
        CardHolder = snapshot.CardHolder,
        CardExpiry = snapshot.CardExpiry,
        Href = snapshot.Href,
        Metadata = snapshot.Metadata,
        Refunds = snapshot.Refunds.Select(ToEntity).ToArray(),
        Customer = CustomerLink(snapshot.CustomerId),
        StoredCard = StoredCardLink(snapshot.StoredCardId),
        Subscription = snapshot.SubscriptionId is { } subscriptionId ? new Upstream.Subscription { Id = subscriptionId } : null,
        CreatedAt = snapshot.CreatedAt,
        UpdatedAt = snapshot.UpdatedAt,
        ProcessedAt = snapshot.ProcessedAt,
        Error = snapshot.Error is { } error ? new Upstream.UpstreamErrorBody { Name = error.Name, Code = error.Code, Description = error.Description } : null,
    };

    public static Upstream.Refund ToEntity(RefundSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        TransactionId = snapshot.TransactionId,
        Amount = snapshot.Amount,
        Reason = snapshot.Reason,
        Status = snapshot.Status,
        CreatedAt = snapshot.CreatedAt,
        ProcessedAt = snapshot.ProcessedAt,
    };

    public static Upstream.Subscription ToEntity(SubscriptionSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        Status = snapshot.Status,
        Debt = snapshot.Debt,
        Price = snapshot.Price,
        Currency = snapshot.Currency,
        Quantity = snapshot.Quantity,
        IntervalUnit = snapshot.IntervalUnit,
        Interval = snapshot.Interval,
        PeriodsLeft = snapshot.PeriodsLeft,
        TotalPeriods = snapshot.TotalPeriods,
        RetryCount = snapshot.RetryCount,
        NextAt = snapshot.NextAt,
        Plan = snapshot.PlanId is { } planId ? new Upstream.Plan { Id = planId } : null,
        Customer = CustomerLink(snapshot.CustomerId),
        StoredCard = StoredCardLink(snapshot.StoredCardId),
        Metadata = snapshot.Metadata,
        Items = snapshot.Items,
        CreatedAt = snapshot.CreatedAt,
        UpdatedAt = snapshot.UpdatedAt,
    };

    public static Upstream.StoredCard ToEntity(StoredCardSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        Status = snapshot.Status,
        CardNumber = snapshot.MaskedCardNumber,
        CardHolder = snapshot.CardHolder,
        CardType = snapshot.CardType,
        Currency = snapshot.Currency,
        Expires = snapshot.Expires,
        Test = snapshot.Test,
        CustomerId = snapshot.CustomerId,
        CustomerRef = snapshot.CustomerRef,
        CreatedAt = snapshot.CreatedAt,
        UpdatedAt = snapshot.UpdatedAt,
    };

    public static Upstream.Customer ToEntity(CustomerSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        Ref = snapshot.Ref,
        Metadata = snapshot.Metadata,
        CreatedAt = snapshot.CreatedAt,
        UpdatedAt = snapshot.UpdatedAt,
    };

    public static Upstream.Plan ToEntity(PlanSnapshot snapshot) => new()
    {
        Id = snapshot.Id,
        Name = snapshot.Name,
        Description = snapshot.Description,
        IntervalUnit = snapshot.IntervalUnit,
        Interval = snapshot.Interval,
        Periods = snapshot.Periods,
        TrialLength = snapshot.TrialLength,
        Prices = Currencies(snapshot.Prices),
        SetupFees = Currencies(snapshot.SetupFees),
        Status = snapshot.Status,
        CreatedAt = snapshot.CreatedAt,
    };

    // A snapshot names a linked customer or stored card by id only, so the entity gets a stub carrying just that id;
    // transactions and subscriptions link both the same way.
    private static Upstream.Customer? CustomerLink(long? id) => id is { } value ? new Upstream.Customer { Id = value } : null;

    private static Upstream.StoredCard? StoredCardLink(long? id) => id is { } value ? new Upstream.StoredCard { Id = value } : null;

    private static Dictionary<Primitives.CurrencyCode, Primitives.Amount> Currencies(IEnumerable<KeyValuePair<string, Primitives.Amount>> prices) =>
        prices.ToDictionary(p => Primitives.CurrencyCode.Parse(p.Key), p => p.Value);
}
