using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NordeaConnect.Grains;

namespace NordeaConnect.Grains.Runtime;

/// <summary>Adds the payment grains to a grain runtime.</summary>
public static class PaymentGrainsBuilderExtensions
{
    /// <summary>
    /// Registers the transaction, subscription, customer, stored card and plan grains and their creation grains. They
    /// call Nordea Connect through NordeaConnect.Client, so add it too (<c>services.AddNordeaConnectClient(...)</c>).
    /// </summary>
    public static IGrainRuntimeBuilder AddPaymentGrains(this IGrainRuntimeBuilder builder, Action<PaymentGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PaymentGrainsOptions>().Validate(
            candidate =>
            {
                candidate.Validate();
                return true;
            });
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ITransactionUpstream, ClientTransactionUpstream>();
        services.TryAddTransient<ISubscriptionUpstream, ClientSubscriptionUpstream>();
        services.TryAddTransient<ICustomerUpstream, ClientCustomerUpstream>();
        services.TryAddTransient<IStoredCardUpstream, ClientStoredCardUpstream>();
        services.TryAddTransient<IPlanUpstream, ClientPlanUpstream>();

        return builder
            .AddGrain<ITransactionGrain, TransactionGrain>()
            .AddGrain<ITransactionCreationGrain, TransactionCreationGrain>()
            .AddGrain<ISubscriptionGrain, SubscriptionGrain>()
            .AddGrain<ICustomerGrain, CustomerGrain>()
            .AddGrain<ICustomerCreationGrain, CustomerCreationGrain>()
            .AddGrain<IStoredCardGrain, StoredCardGrain>()
            .AddGrain<IPlanGrain, PlanGrain>()
            .AddGrain<IPlanCatalogGrain, PlanCatalogGrain>();
    }
}
