namespace NordeaConnect.Grains;

/// <summary>Whether a stored card can be charged: only an active card that has not expired.</summary>
internal static class StoredCardUsability
{
    public static Refusal? Check(StoredCardSnapshot card, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        var id = card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (string.Equals(card.Status, "deleted", StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(Primitives.ResultCode.StoredCardNotUsable, "Stored card " + id + " is deleted.");
        }

        if (!string.Equals(card.Status, "active", StringComparison.OrdinalIgnoreCase))
        {
            return new Refusal(Primitives.ResultCode.StoredCardNotUsable, "Stored card " + id + " is " + card.Status + ", not active.");
        }

        if (card.Expires is { } expires && expires <= now)
        {
            return new Refusal(
                Primitives.ResultCode.StoredCardNotUsable,
                "Stored card " + id + " expired at " + expires.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture) + ".");
        }

        return null;
    }
}
