namespace NordeaConnect.Sandbox.Billing;

/// <summary>A subscription's status as billing sees it.</summary>
public enum SubscriptionBillingStatus
{
    /// <summary>"active": charged on schedule.</summary>
    Active,

    /// <summary>"cancelled": by the merchant, or by the engine after the last retry of a failed charge.</summary>
    Cancelled,

    /// <summary>"completed": every period of a plan with a fixed number of periods has been charged (a sandbox choice; see CHOICES.md).</summary>
    Completed,
}

/// <summary>The wire spellings of <see cref="SubscriptionBillingStatus"/>.</summary>
public static class SubscriptionBillingStatuses
{
    public static string ToWire(this SubscriptionBillingStatus status) => status switch
    {
        SubscriptionBillingStatus.Active => "active",
        SubscriptionBillingStatus.Cancelled => "cancelled",
        SubscriptionBillingStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown subscription status."),
    };

    public static bool TryParse(string? text, out SubscriptionBillingStatus status)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "active":
                status = SubscriptionBillingStatus.Active;
                return true;
            case "cancelled" or "canceled":
                status = SubscriptionBillingStatus.Cancelled;
                return true;
            case "completed":
                status = SubscriptionBillingStatus.Completed;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
