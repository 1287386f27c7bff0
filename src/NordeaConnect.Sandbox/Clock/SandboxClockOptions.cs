namespace NordeaConnect.Sandbox.Clock;

/// <summary>How the sandbox clock starts and how often clock listeners run while it runs.</summary>
public sealed class SandboxClockOptions
{
    /// <summary>Start frozen (tests usually want this, so nothing falls due unless they move the clock).</summary>
    public bool StartFrozen { get; set; }

    /// <summary>Start at this instant instead of real "now".</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>Sandbox time between two runs of the clock listeners. Default one second.</summary>
    public TimeSpan PulseInterval { get; set; } = TimeSpan.FromSeconds(1);
}
