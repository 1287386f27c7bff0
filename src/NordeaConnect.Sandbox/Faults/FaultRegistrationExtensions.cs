using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NordeaConnect.Sandbox.Faults;

/// <summary>Registers fault injection.</summary>
public static class FaultRegistrationExtensions
{
    /// <summary>Adds the <see cref="FaultInjector"/> singleton (inject it to add rules from code).</summary>
    public static IServiceCollection AddSandboxFaults(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<FaultInjector>();
        return services;
    }

    /// <summary>Puts <see cref="FaultInjectionMiddleware"/> in the pipeline; call it early, before authentication, so faults hit every route.</summary>
    public static IApplicationBuilder UseSandboxFaults(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<FaultInjectionMiddleware>();
    }
}
