using Microsoft.Extensions.DependencyInjection;

namespace NordeaConnect.Sandbox.Billing;

/// <summary>Registers the billing engine.</summary>
public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BillingEngine"/> as a clock listener (so it runs whenever sandbox time moves). Needs
    /// <c>AddSandboxClock()</c> and an <see cref="IBillingLedger"/>; <see cref="IBillingEvents"/> implementations are optional.
    /// </summary>
    public static IServiceCollection AddSandboxBilling(this IServiceCollection services, Action<BillingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BillingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.RetryDelay > TimeSpan.Zero, "BillingOptions.RetryDelay must be positive.")
            .Validate(o => o.MaxRetries >= 0, "BillingOptions.MaxRetries must not be negative.")
            .Validate(o => o.MaxChargesPerRun >= 1, "BillingOptions.MaxChargesPerRun must be at least 1.");
        return Clock.ClockServiceCollectionExtensions.AddSandboxClockListener<BillingEngine>(services);
    }
}
