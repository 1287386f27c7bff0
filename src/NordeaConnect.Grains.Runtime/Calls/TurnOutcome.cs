namespace NordeaConnect.Grains.Runtime.Calls;

/// <summary>How a call ended, as the caller saw it (a metrics tag).</summary>
internal enum TurnOutcome
{
    Succeeded,
    Faulted,
    TimedOut,
    Canceled,
}
