using NordeaConnect.Gateway.Operations;

namespace NordeaConnect.Gateway.GrainCalls;

public static class PaymentGrainOperationsServiceCollectionExtensions
{
    /// <summary>The services' operations, carried out by the payment grains (the host runs the grains: UseGatewayOrleans).</summary>
    public static IServiceCollection AddPaymentGrainOperations(this IServiceCollection services)
    {
        services.AddSingleton<EntityVersions>();
        services.AddSingleton<GrainTransactionOperations>();
        services.AddSingleton<ITransactionOperations>(sp => sp.GetRequiredService<GrainTransactionOperations>());
        services.AddSingleton<ISubscriptionOperations, GrainSubscriptionOperations>();
        services.AddSingleton<IStoredCardOperations, GrainStoredCardOperations>();
        services.AddSingleton<ICustomerOperations, GrainCustomerOperations>();
        services.AddSingleton<IPlanOperations, GrainPlanOperations>();
        services.AddSingleton<IUpstreamQueries, UpstreamCalls.ClientUpstreamQueries>();
        return services;
    }
}
