namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>
/// The reference's retry schedule: the wait before retry number <c>retry_count</c> (0 for the first retry) is
/// <c>(retry_count ** 4) + 15 + (rand(30) * (retry_count + 1))</c> seconds, where <c>rand(30)</c> is 0 to 29.
/// </summary>
public static class WebhookRetrySchedule
{
    /// <summary>The reference: "Webhooks will retry failures up to 20 times".</summary>
    public const int DefaultMaxRetries = 20;

    /// <summary>The wait before retry <paramref name="retryCount"/>, drawing <c>rand(30)</c> from <paramref name="random"/>.</summary>
    public static TimeSpan DelayBefore(int retryCount, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryCount);
        ArgumentNullException.ThrowIfNull(random);
        return DelayBefore(retryCount, random.Next(30));
    }

    /// <summary>The wait before retry <paramref name="retryCount"/> for a given <c>rand(30)</c> draw (0 to 29).</summary>
    public static TimeSpan DelayBefore(int retryCount, int randomDraw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryCount);
        ArgumentOutOfRangeException.ThrowIfNegative(randomDraw);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(randomDraw, 29);
        var n = (long)retryCount;
        return TimeSpan.FromSeconds((n * n * n * n) + 15 + (randomDraw * (n + 1)));
    }
}
