namespace NordeaConnect.Client;

/// <summary>The statuses a stored card can be set to (<c>PUT /v1/stored_cards/{id}</c>).</summary>
public static class StoredCardStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Deleted = "deleted";

    internal static bool IsKnown(string? status) => status is Active or Inactive or Deleted;
}
