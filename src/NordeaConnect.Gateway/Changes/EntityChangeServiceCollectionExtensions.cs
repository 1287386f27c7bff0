using NordeaConnect.Grains;

namespace NordeaConnect.Gateway.Changes;

public static class EntityChangeServiceCollectionExtensions
{
    /// <summary>
    /// The grains announce their entities' changes on the gateway's change feed (which <c>AddNotificationOutbox</c>
    /// provides), and new transactions are announced once their notification_url is subscribed.
    /// </summary>
    public static IServiceCollection AddGrainChangeAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<IEntityChangeSink, FeedEntityChanges>();
        services.AddSingleton<TransactionAnnouncements>();
        return services;
    }
}
