using NordeaConnect.Grains;
using NordeaConnect.Grains.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the payment grains, and the grain runtime if it is not there yet.</summary>
public static class PaymentGrainsServiceCollectionExtensions
{
    /// <summary>
    /// <c>services.AddPaymentGrains()</c>: the grain runtime (in-memory storage unless the returned builder is told
    /// <c>UsePostgresGrainStorage</c>) with every payment grain. Add the REST client too (<c>AddNordeaConnectClient</c>).
    /// </summary>
    public static IGrainRuntimeBuilder AddPaymentGrains(this IServiceCollection services, Action<PaymentGrainsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddGrainRuntime().AddPaymentGrains(configure);
    }
}
