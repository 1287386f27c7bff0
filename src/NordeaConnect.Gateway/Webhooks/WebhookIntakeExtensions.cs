using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Gateway.Webhooks;

public static class WebhookIntakeExtensions
{
    /// <summary>
    /// The webhook intake: the handler, the re-read and publish of named entities, the inbox processor that retries
    /// events whose re-read failed, and (when configured) template registration at start-up. Needs the grains, the
    /// grains' change announcements (<c>AddGrainChangeAnnouncements</c>), the REST client and <c>AddNotificationOutbox</c> (which
    /// provides the inbox store).
    /// </summary>
    public static IServiceCollection AddWebhookIntake(this IServiceCollection services, Action<WebhookIntakeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new WebhookIntakeOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookEntityRefresher>();
        services.AddSingleton<WebhookEventApplier>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService<WebhookInboxProcessor>();
        services.AddSingleton<WebhookTemplateRegistration>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookTemplateRegistration>());
        return services;
    }

    /// <summary>
    /// Maps <c>POST|PUT|PATCH {pattern}/{trigger}</c>, e.g. <c>app.MapWebhookIntake("/webhooks/nordeaconnect")</c>. It
    /// needs HTTP/1.1 (upstream's webhooks do not speak h2c) and no Bearer token (it has its own shared secret).
    /// </summary>
    public static RouteHandlerBuilder MapWebhookIntake(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapMethods(
            pattern.TrimEnd('/') + "/{trigger}",
            ["POST", "PUT", "PATCH"],
            (HttpContext http, string trigger, WebhookIntake intake) => intake.ReceiveAsync(http, trigger));
    }
}
