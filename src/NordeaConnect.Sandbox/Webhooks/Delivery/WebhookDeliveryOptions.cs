namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>Delivery settings.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>Retries after the first failed attempt before the webhook is exhausted. Default 20 (the reference).</summary>
    public int MaxRetries { get; set; } = WebhookRetrySchedule.DefaultMaxRetries;

    /// <summary>Seed of the <c>rand(30)</c> draws, so retry times repeat from run to run. Null for an unseeded source.</summary>
    public int? RandomSeed { get; set; } = 1;

    /// <summary>Real time one attempt may take before it counts as failed (timeout). Default ten seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts sent at once. Default 8.</summary>
    public int MaxParallelAttempts { get; set; } = 8;

    /// <summary>How much of a target's answer is kept per attempt. Default 1,024 characters.</summary>
    public int MaxRecordedResponseLength { get; set; } = 1024;
}
