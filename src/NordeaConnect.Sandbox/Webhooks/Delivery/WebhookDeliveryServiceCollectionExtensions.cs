using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Clock;

namespace NordeaConnect.Sandbox.Webhooks.Delivery;

/// <summary>Registers webhook delivery.</summary>
public static class WebhookDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="WebhookDeliveryQueue"/> (also as <see cref="IWebhookDeliveryLog"/> and as a clock listener),
    /// its worker, and the HTTP client that never follows redirects. Needs <c>AddSandboxClock()</c>.
    /// </summary>
    public static IServiceCollection AddSandboxWebhookDelivery(this IServiceCollection services, Action<WebhookDeliveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<WebhookDeliveryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxRetries >= 0, "WebhookDeliveryOptions.MaxRetries must not be negative.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero, "WebhookDeliveryOptions.AttemptTimeout must be positive.")
            .Validate(o => o.MaxRecordedResponseLength >= 0, "WebhookDeliveryOptions.MaxRecordedResponseLength must not be negative.");
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(WebhookSender.CreateHandler);
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton(provider => new WebhookDeliveryQueue(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<WebhookSender>(),
            provider.GetServices<IWebhookDeliveryObserver>(),
            provider.GetRequiredService<IOptions<WebhookDeliveryOptions>>(),
            provider.GetRequiredService<ILogger<WebhookDeliveryQueue>>()));
        services.TryAddSingleton<IWebhookDeliveryLog>(provider => provider.GetRequiredService<WebhookDeliveryQueue>());
        services.AddSandboxClockListener<WebhookDeliveryQueue>();
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }
}
