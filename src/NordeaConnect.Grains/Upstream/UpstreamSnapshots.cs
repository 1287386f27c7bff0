using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>
/// Maps the client's entities to the grains' snapshots, and the grains' JSON to the client's: the one conversion from
/// upstream's shape to the records, used by the grains and by the gateway's lists alike.
/// </summary>
public static class UpstreamSnapshots
{
    public static TransactionSnapshot From(Transaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new()
        {
            Id = transaction.Id,
            PaymentRef = transaction.PaymentRef,
            Status = transaction.Status ?? string.Empty,
            Amount = transaction.Amount ?? Primitives.Amount.Zero,
            VatAmount = transaction.VatAmount,
            Currency = transaction.Currency,
            Test = transaction.Test ?? false,
            Authorize = transaction.Authorize ?? false,
            TransactionType = transaction.TransactionType,
            PaymentMethod = transaction.PaymentMethod,
            CardType = transaction.CardType,
            MaskedCardNumber = transaction.CardNumber,
            CardHolder = transaction.CardHolder,
            CardExpiry = transaction.CardExpiry,
            Href = transaction.Href,
            Metadata = Metadata(transaction.Metadata),
            Refunds = [.. transaction.Refunds.Select(refund => From(refund, transaction.Id))],
            CustomerId = transaction.Customer?.Id,
            StoredCardId = transaction.StoredCard?.Id,
            SubscriptionId = transaction.Subscription?.Id,
            CreatedAt = transaction.CreatedAt,
            UpdatedAt = transaction.UpdatedAt,
            ProcessedAt = transaction.ProcessedAt,
            Error = transaction.Error is { } error ? new UpstreamFailure(error.Name, error.Code, error.Description, null) : null,
            MerchantId = transaction.MerchantId,
            Ref = transaction.Ref,
            WalletType = transaction.WalletType,
            TemplateId = transaction.TemplateId,
            SuccessUrl = transaction.SuccessUrl,
            ErrorUrl = transaction.ErrorUrl,
            Encrypted = transaction.Encrypted,
            Cost = transaction.Cost,
            Items = transaction.Items.Count == 0 ? null : [.. transaction.Items],
            PaymentDetails = transaction.PaymentDetails,
            ClientInfo = transaction.ClientInfo,
            Webhooks = transaction.Webhooks.Count == 0 ? null : [.. transaction.Webhooks],
            PaymentRequest = Metadata(transaction.PaymentRequest),
            Customer = Extended(transaction.Customer?.CreatedAt) ? From(transaction.Customer!) : null,
            StoredCard = Extended(transaction.StoredCard?.CreatedAt) ? From(transaction.StoredCard!) : null,
            Subscription = Extended(transaction.Subscription?.CreatedAt) ? From(transaction.Subscription!) : null,
        };
    }

    public static RefundSnapshot From(Refund refund, long transactionId)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new()
        {
            Id = refund.Id,
            TransactionId = refund.TransactionId ?? transactionId,
            Amount = refund.Amount ?? Primitives.Amount.Zero,
            Reason = refund.Reason,
            Status = refund.Status,
            CreatedAt = refund.CreatedAt,
            ProcessedAt = refund.ProcessedAt,
            Ref = refund.Ref,
            Response = Metadata(refund.Response),
            Transaction = Extended(refund.Transaction?.CreatedAt) ? From(refund.Transaction!) : null,
        };
    }

    /// <summary>A refund as upstream lists it, its transaction's id from the refund itself.</summary>
    public static RefundSnapshot From(Refund refund) => From(refund, refund?.TransactionId ?? 0);

    public static SubscriptionSnapshot From(Subscription subscription) => new()
    {
        Id = subscription.Id,
        Status = subscription.Status,
        Debt = SubscriptionDebt.Normalize(subscription.Debt ?? 0m),
        Price = subscription.Price,
        Currency = subscription.Currency,
        Quantity = subscription.Quantity,
        IntervalUnit = subscription.IntervalUnit,
        Interval = subscription.Interval,
        PeriodsLeft = subscription.PeriodsLeft,
        TotalPeriods = subscription.TotalPeriods,
        RetryCount = subscription.RetryCount,
        NextAt = subscription.NextAt,
        PlanId = subscription.Plan?.Id,
        CustomerId = subscription.Customer?.Id,
        StoredCardId = subscription.StoredCard?.Id,
        Metadata = Metadata(subscription.Metadata),
        Items = [.. subscription.Items],
        CreatedAt = subscription.CreatedAt,
        UpdatedAt = subscription.UpdatedAt,
        Test = subscription.Test ?? false,
    };

    public static CustomerSnapshot From(Customer customer) => new()
    {
        Id = customer.Id,
        Ref = customer.Ref,
        Metadata = Metadata(customer.Metadata),
        CreatedAt = customer.CreatedAt,
        UpdatedAt = customer.UpdatedAt,
    };

    public static StoredCardSnapshot From(StoredCard card) => new()
    {
        Id = card.Id,
        Status = card.Status ?? string.Empty,
        Token = card.Token,
        MaskedCardNumber = card.CardNumber,
        CardHolder = card.CardHolder,
        CardType = card.CardType,
        Currency = card.Currency,
        Expires = card.Expires,
        Test = card.Test ?? false,
        CustomerId = card.CustomerId ?? card.Customer?.Id,
        CustomerRef = card.CustomerRef ?? card.Customer?.Ref,
        CreatedAt = card.CreatedAt,
        UpdatedAt = card.UpdatedAt,
        MerchantId = card.MerchantId,
        Ref = card.Ref,
        Customer = Extended(card.Customer?.CreatedAt) ? From(card.Customer!) : null,
    };

    public static PlanSnapshot From(Plan plan) => new()
    {
        Id = plan.Id,
        Name = plan.Name,
        Description = plan.Description,
        IntervalUnit = plan.IntervalUnit,
        Interval = plan.Interval,
        Periods = plan.Periods,
        TrialLength = plan.TrialLength,
        Prices = ByCode(plan.Prices),
        SetupFees = ByCode(plan.SetupFees),
        Status = plan.Status,
        CreatedAt = plan.CreatedAt,
        UpdatedAt = plan.UpdatedAt,
        MerchantId = plan.MerchantId,
        Ref = plan.Ref,
    };

    /// <summary>JSON metadata as the client sends it; null stays null (the field is not sent).</summary>
    public static JsonObject? ToJsonObject(JsonElement? metadata) =>
        metadata is { ValueKind: JsonValueKind.Object } json ? JsonNode.Parse(json.GetRawText()) as JsonObject : null;

    // A related entity arrives as {"id": 7} unless the request extended it; an extended one always has its created_at.
    private static bool Extended(DateTimeOffset? createdAt) => createdAt is not null;

    // "null" metadata is no metadata; anything else is kept as upstream sent it.
    private static JsonElement? Metadata(JsonElement? metadata) =>
        metadata is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } json ? json.Clone() : null;

    private static ImmutableSortedDictionary<string, Primitives.Amount> ByCode(IReadOnlyDictionary<Primitives.CurrencyCode, Primitives.Amount>? amounts) =>
        amounts is null
            ? ImmutableSortedDictionary<string, Primitives.Amount>.Empty
            : amounts.ToImmutableSortedDictionary(pair => pair.Key.Code, pair => pair.Value, StringComparer.Ordinal);
}
