namespace NordeaConnect.Gateway.Notifications.Dispatch;

/// <summary>Exponential backoff with jitter, and the horizon after which a delivery is given up.</summary>
public sealed class RetrySchedule(NotificationOptions options)
{
    /// <summary>
    /// When to try again after <paramref name="attempts"/> failed attempts, or null to give up: the wait doubles from
    /// the base delay up to the maximum, each scaled by a random factor in [0.5, 1.5) so receivers coming back are not
    /// hit by every sender at once.
    /// </summary>
    public DateTimeOffset? NextAttempt(int attempts, DateTimeOffset createdAt, DateTimeOffset now, double random)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var delay = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
        var next = now + TimeSpan.FromMilliseconds(delay * (0.5 + random));
        return next > createdAt + options.GiveUpAfter ? null : next;
    }
}
