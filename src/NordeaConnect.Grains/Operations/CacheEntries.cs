namespace NordeaConnect.Grains;

/// <summary>Whether cached upstream state is young enough for a caller's staleness bound (a zero bound always reads upstream).</summary>
internal static class CacheEntries
{
    public static bool IsFresh(DateTimeOffset? refreshedAt, TimeSpan maxStaleness, TimeProvider time) =>
        refreshedAt is { } at && time.GetUtcNow() - at < maxStaleness;
}
