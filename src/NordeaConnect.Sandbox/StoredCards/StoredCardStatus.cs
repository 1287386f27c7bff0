namespace NordeaConnect.Sandbox.StoredCards;

/// <summary>The stored card statuses the reference lists for its update call.</summary>
internal static class StoredCardStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Deleted = "deleted";

    public static bool IsKnown(string status) => status is Active or Inactive or Deleted;
}
