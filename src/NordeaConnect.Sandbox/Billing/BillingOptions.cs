namespace NordeaConnect.Sandbox.Billing;

/// <summary>The billing engine's rules where the reference gives none (see CHOICES.md).</summary>
public sealed class BillingOptions
{
    /// <summary>Wait after a failed charge before it is tried again. Default one day.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Retries of a failed charge before the subscription is cancelled. Default 3 (four failed charges in all).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Most charges one subscription gets in one engine run when the clock jumps over many periods. Default 100.</summary>
    public int MaxChargesPerRun { get; set; } = 100;
}
