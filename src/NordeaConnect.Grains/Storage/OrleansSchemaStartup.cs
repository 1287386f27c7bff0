using Microsoft.Extensions.Logging;

namespace NordeaConnect.Grains.Storage;

/// <summary>Runs the schema migrations as the silo starts, before membership, grain storage or reminders touch the tables.</summary>
internal sealed class OrleansSchemaStartup(OrleansSchemaMigrator migrator, ILogger<OrleansSchemaStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(nameof(OrleansSchemaStartup), ServiceLifecycleStage.First, async cancellationToken =>
        {
            var applied = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Orleans schema in PostgreSQL is current; migrations applied now: {Applied}", applied.Count == 0 ? "none" : string.Join(", ", applied));
        });
    }
}
