namespace NordeaConnect.Client;

/// <summary>The statuses of a subscription (and of a plan).</summary>
public static class SubscriptionStatus
{
    public const string Active = "active";
    public const string Cancelled = "cancelled";

    internal static bool IsKnown(string? status) => status is Active or Cancelled;
}
