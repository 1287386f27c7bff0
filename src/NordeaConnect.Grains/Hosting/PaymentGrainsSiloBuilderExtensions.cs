using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NordeaConnect.Grains.Serialization;
using NordeaConnect.Grains.Storage;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace NordeaConnect.Grains;

/// <summary>Adds the payment grains' services and their storage to an Orleans silo.</summary>
public static class PaymentGrainsSiloBuilderExtensions
{
    /// <summary>
    /// The services the transaction, subscription, customer, stored card and plan grains need (Orleans finds the
    /// grains themselves). They call Nordea Connect through NordeaConnect.Client, so add it too
    /// (<c>services.AddNordeaConnectClient(...)</c>), and a storage (<see cref="UsePaymentGrainsMemoryStorage"/> or
    /// <see cref="UsePaymentGrainsPostgres"/>).
    /// </summary>
    public static ISiloBuilder AddPaymentGrains(this ISiloBuilder silo, Action<PaymentGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<PaymentGrainsOptions>().Validate(
            candidate =>
            {
                candidate.Validate();
                return true;
            }).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var services = silo.Services;
        // The records hold some of the REST client's entities; they cross between silos as the client's JSON.
        services.AddSerializer(serializer => serializer.AddNordeaConnectClientTypes());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainStateJsonSerializer>();
        services.TryAddSingleton<JournalServices>();
        services.TryAddSingleton<IEntityChangeSink, UnannouncedEntityChanges>();
        // One per silo, not one per activation: each holds the client's typed services and, through them, an
        // HttpClient (about 700 bytes per transaction grain when transient). They keep no state of their own, and
        // the client's handler recycles its connections (PooledConnectionLifetime), so a long-lived HttpClient is safe.
        services.TryAddSingleton<ITransactionUpstream, ClientTransactionUpstream>();
        services.TryAddSingleton<ISubscriptionUpstream, ClientSubscriptionUpstream>();
        services.TryAddSingleton<ICustomerUpstream, ClientCustomerUpstream>();
        services.TryAddSingleton<IStoredCardUpstream, ClientStoredCardUpstream>();
        services.TryAddSingleton<IPlanUpstream, ClientPlanUpstream>();
        return silo;
    }

    /// <summary>One node, nothing to set up: grain state and reminders in memory, lost on restart.</summary>
    public static ISiloBuilder UsePaymentGrainsMemoryStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddMemoryGrainStorage(PaymentGrainsStorage.Name);
        silo.Services.AddOptions<MemoryGrainStorageOptions>(PaymentGrainsStorage.Name)
            .Configure<GrainStateJsonSerializer>((options, serializer) => options.GrainStorageSerializer = serializer);
        silo.UseInMemoryReminderService();
        return silo;
    }

    /// <summary>
    /// Grain state, cluster membership and reminders in PostgreSQL through Orleans' ADO.NET providers: gateway
    /// processes sharing the database form one cluster. The schema is created or brought up to date at start-up.
    /// </summary>
    public static ISiloBuilder UsePaymentGrainsPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UsePaymentGrainsPostgresStorage(connectionString);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = OrleansSchemaMigrator.Invariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>
    /// Grain state and reminders in PostgreSQL, membership left to the host (a test cluster brings its own). The schema
    /// is created or brought up to date at start-up (<see cref="OrleansSchemaMigrator"/>), before anything uses it.
    /// </summary>
    public static ISiloBuilder UsePaymentGrainsPostgresStorage(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.TryAddSingleton(_ => new OrleansSchemaMigrator(connectionString));
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, OrleansSchemaStartup>();
        silo.AddAdoNetGrainStorage(PaymentGrainsStorage.Name, options =>
        {
            options.Invariant = OrleansSchemaMigrator.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(PaymentGrainsStorage.Name)
            .Configure<GrainStateJsonSerializer>((options, serializer) => options.GrainStorageSerializer = serializer);
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = OrleansSchemaMigrator.Invariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }
}
