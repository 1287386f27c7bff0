namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>Metric tag values for <see cref="TurnOutcome"/>, without allocating per turn.</summary>
internal static class OutcomeNames
{
    public static string Of(TurnOutcome outcome) => outcome switch
    {
        TurnOutcome.Succeeded => "succeeded",
        TurnOutcome.Faulted => "faulted",
        TurnOutcome.TimedOut => "timed_out",
        _ => "canceled",
    };
}
