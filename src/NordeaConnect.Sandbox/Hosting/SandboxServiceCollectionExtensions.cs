using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Ledger;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;

namespace NordeaConnect.Sandbox.Hosting;

/// <summary>Registers the sandbox in a host: its own (<c>dotnet run</c>) or another one that embeds it (the gateway).</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>Adds the sandbox, reading <see cref="SandboxOptions"/> from the configuration section <c>Sandbox</c>.</summary>
    public static WebApplicationBuilder AddNordeaConnectSandbox(this WebApplicationBuilder builder, Action<SandboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddNordeaConnectSandbox(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Adds the sandbox's services; <paramref name="configuration"/> supplies the <c>Sandbox</c> section when given.</summary>
    public static IServiceCollection AddNordeaConnectSandbox(this IServiceCollection services, IConfiguration? configuration = null, Action<SandboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SandboxOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(SandboxOptions.SectionName));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSandboxClock();
        services.AddOptions<SandboxClockOptions>().Configure<IOptions<SandboxOptions>>((clock, sandbox) => clock.StartAt ??= sandbox.Value.ClockStart);
        services.TryAddSingleton<SandboxRoutes>();
        services.TryAddSingleton<MerchantDirectory>();
        services.TryAddSingleton<SandboxStore>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<TransactionService>();
        services.TryAddSingleton<RefundService>();
        services.TryAddSingleton<BasicAuthenticationFilter>();
        services.TryAddSingleton(provider => new SandboxLedger(provider.GetRequiredService<SandboxStore>()));
        return services;
    }
}
