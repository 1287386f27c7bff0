namespace NordeaConnect.Grains;

/// <summary>
/// How much history a grain's journal keeps, so state does not grow forever. An entry still awaiting reconciliation
/// is never dropped, whatever its age. Dropping a completed entry forgets its key: a retry with it after that runs anew.
/// </summary>
public sealed record JournalRetention
{
    public static JournalRetention Default { get; } = new();

    /// <summary>Completed entries kept per grain, newest first. Default 500.</summary>
    public int MaxEntries { get; init; } = 500;

    /// <summary>Completed entries older than this are dropped. Default 7 days, longer than any sane client retry window.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    public void Validate()
    {
        if (MaxEntries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEntries), MaxEntries, "A journal keeps at least one completed entry.");
        }

        if (MaxAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAge), MaxAge, "A journal's MaxAge must be positive.");
        }
    }
}
