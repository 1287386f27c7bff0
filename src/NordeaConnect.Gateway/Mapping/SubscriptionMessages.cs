using System.Globalization;
using NordeaConnect.Grains;
using V1 = NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Mapping;

public static class SubscriptionMessages
{
    /// <summary>
    /// A subscription as its grain holds it, with its change count (a listed one comes here through
    /// <c>UpstreamSnapshots.From</c>), and the children asked whole with extend.
    /// </summary>
    public static V1.Subscription ToMessage(this SubscriptionSnapshot subscription, SubscriptionExtension? extended = null)
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
            UpdatedAt = Timestamps.From(subscription.UpdatedAt),
            Test = subscription.Test,
            Change = subscription.Change.ToMessage(),
            Customer = extended?.Customer?.ToMessage(),
            Plan = extended?.Plan?.ToMessage(),
            StoredCard = extended?.StoredCard?.ToMessage(),
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

    // Debt is signed (a credit is negative), so it cannot be an Amount; it keeps the two-decimal form.
    private static string Debt(decimal debt) => debt.ToString("0.00", CultureInfo.InvariantCulture);
}
