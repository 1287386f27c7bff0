namespace NordeaConnect.Gateway.Notifications.Postgres;

/// <summary>Brings the outbox's schema up to date before anything appends to it (registered ahead of the dispatcher).</summary>
internal sealed class NotificationSchemaStartup(PostgresNotificationStore store, ILogger<NotificationSchemaStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(logger, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
