using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Sandbox.Clock;

/// <summary>Registers the sandbox clock.</summary>
public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SandboxClock"/> (also as the app's <see cref="TimeProvider"/>), <see cref="ClockPulse"/>
    /// and the background service that pulses clock listeners as sandbox time passes.
    /// </summary>
    public static IServiceCollection AddSandboxClock(this IServiceCollection services, Action<SandboxClockOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SandboxClockOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.PulseInterval > TimeSpan.Zero, "SandboxClockOptions.PulseInterval must be positive.");
        services.TryAddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<SandboxClockOptions>>().Value;
            // Starting in the past is allowed (unlike moving there later): nothing has been scheduled yet.
            var clock = settings.StartAt is { } startAt ? new SandboxClock(startAt, settings.StartFrozen) : new SandboxClock();
            if (settings.StartFrozen)
            {
                clock.Freeze();
            }

            return clock;
        });
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(provider => provider.GetRequiredService<SandboxClock>()));
        services.TryAddSingleton<ClockPulse>();
        services.AddHostedService<ClockPulseService>();
        return services;
    }

    /// <summary>Adds <typeparamref name="TListener"/> to the work run when sandbox time moves.</summary>
    public static IServiceCollection AddSandboxClockListener<TListener>(this IServiceCollection services)
        where TListener : class, IClockListener
    {
        ArgumentNullException.ThrowIfNull(services);
        // One instance serves both as the listener and as itself, for callers that want the concrete type.
        services.TryAddSingleton<TListener>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClockListener, TListener>(provider => provider.GetRequiredService<TListener>()));
        return services;
    }
}
