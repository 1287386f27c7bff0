namespace NordeaConnect.Sandbox.Refunds;

/// <summary>The refund statuses the reference's list filter names.</summary>
internal static class RefundStatus
{
    public const string Approved = "approved";
    public const string Pending = "pending";
    public const string Failed = "failed";
}
