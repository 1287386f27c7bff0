using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Notifications.Dispatch;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Notifications.Postgres;
using NordeaConnect.Gateway.Webhooks;

namespace NordeaConnect.Gateway.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The durable outbox of entity changes (in memory, or PostgreSQL when <see cref="NotificationOptions.PostgresConnectionString"/>
    /// is set; its tables are created at start-up), the change feed over it (replacing the in-process one, so every
    /// published change is recorded), <see cref="OutboxWatcher"/> for Watch calls, and the dispatcher that POSTs
    /// changes to subscribed notification URLs. The webhook inbox lives in the same store.
    /// </summary>
    public static IServiceCollection AddNotificationOutbox(this IServiceCollection services, Action<NotificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new NotificationOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignals>();
        if (options.PostgresConnectionString is { } connectionString)
        {
            services.AddSingleton(sp => new PostgresNotificationStore(connectionString, options.PostgresSchema, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<PostgresNotificationStore>());
            services.AddSingleton<IWebhookInbox>(sp => sp.GetRequiredService<PostgresNotificationStore>());
            services.AddHostedService<NotificationSchemaStartup>();
        }
        else
        {
            services.AddSingleton<INotificationOutbox, MemoryNotificationOutbox>();
            services.AddSingleton<IWebhookInbox, MemoryWebhookInbox>();
        }

        services.RemoveAll<IEntityChangeFeed>();
        services.AddSingleton<OutboxEntityChangeFeed>();
        services.AddSingleton<IEntityChangeFeed>(sp => sp.GetRequiredService<OutboxEntityChangeFeed>());
        services.AddSingleton<OutboxWatcher>();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
