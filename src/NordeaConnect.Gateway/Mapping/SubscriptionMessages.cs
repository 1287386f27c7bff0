using System.Globalization;
using NordeaConnect.Gateway.Operations;
using Upstream = NordeaConnect.Client;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class SubscriptionMessages
{
    public static V1.Subscription ToMessage(this Versioned<Upstream.Subscription> subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var message = subscription.Entity.ToMessage();
        message.Change = subscription.Change.ToMessage();
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
            // Debt is signed (a credit is negative), so it cannot be an Amount; it keeps the two-decimal form.
            Debt = subscription.Debt?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty,
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
}
