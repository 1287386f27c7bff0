using System.Globalization;
using NordeaConnect.Grains;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class SubscriptionMessages
{
    /// <summary>A subscription as its grain holds it, with its change count.</summary>
    public static V1.Subscription ToMessage(this SubscriptionSnapshot subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var message = new V1.Subscription
        {
            Id = subscription.Id,
            PlanId = subscription.PlanId ?? 0,
            Status = subscription.Status ?? string.Empty,
            Debt = Debt(subscription.Debt),
            Price = subscription.Price?.ToUpstreamString() ?? string.Empty,
            Currency = subscription.Currency?.Code ?? string.Empty,
            IntervalUnit = subscription.IntervalUnit ?? string.Empty,
            Interval = subscription.Interval ?? 0,
            PeriodsLeft = subscription.PeriodsLeft ?? 0,
            TotalPeriods = subscription.TotalPeriods ?? 0,
            SubscriptionQuantity = subscription.Quantity ?? 0,
            RetryCount = subscription.RetryCount ?? 0,
            NextAt = Timestamps.From(subscription.NextAt),
            Metadata = MetadataJson.FromJson(subscription.Metadata),
            CreatedAt = Timestamps.From(subscription.CreatedAt),
            Change = subscription.Change.ToMessage(),
        };
        if (subscription.CustomerId is { } customerId)
        {
            message.CustomerId = customerId;
        }

        if (subscription.StoredCardId is { } storedCardId)
        {
            message.StoredCardId = storedCardId;
        }

        message.Items.Add(subscription.Items.Select(i => i.ToMessage()));
        return message;
    }

    public static V1.Subscription ToMessage(this Upstream.Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var message = new V1.Subscription
        {
            Id = subscription.Id,
            PlanId = subscription.Plan?.Id ?? 0,
            Status = subscription.Status ?? string.Empty,
            Debt = subscription.Debt is { } debt ? Debt(debt) : string.Empty,
            Price = subscription.Price?.ToUpstreamString() ?? string.Empty,
            Currency = subscription.Currency?.Code ?? string.Empty,
            IntervalUnit = subscription.IntervalUnit ?? string.Empty,
            Interval = subscription.Interval ?? 0,
            PeriodsLeft = subscription.PeriodsLeft ?? 0,
            TotalPeriods = subscription.TotalPeriods ?? 0,
            SubscriptionQuantity = subscription.Quantity ?? 0,
            RetryCount = subscription.RetryCount ?? 0,
            NextAt = Timestamps.From(subscription.NextAt),
            Metadata = MetadataJson.FromJson(subscription.Metadata),
            CreatedAt = Timestamps.From(subscription.CreatedAt),
        };
        if (subscription.Customer is { } customer)
        {
            message.CustomerId = customer.Id;
        }

        if (subscription.StoredCard is { } storedCard)
        {
            message.StoredCardId = storedCard.Id;
        }

        message.Items.Add(subscription.Items.Select(i => i.ToMessage()));
        return message;
    }

    // Debt is signed (a credit is negative), so it cannot be an Amount; it keeps the two-decimal form.
    private static string Debt(decimal debt) => debt.ToString("0.00", CultureInfo.InvariantCulture);
}
