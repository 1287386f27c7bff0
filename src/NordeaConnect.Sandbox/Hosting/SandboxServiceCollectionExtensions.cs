using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NordeaConnect.Sandbox.Billing;
using NordeaConnect.Sandbox.Checkout;
using NordeaConnect.Sandbox.Clock;
using NordeaConnect.Sandbox.Customers;
using NordeaConnect.Sandbox.Dashboard;
using NordeaConnect.Sandbox.Faults;
using NordeaConnect.Sandbox.Http;
using NordeaConnect.Sandbox.Ledger;
using NordeaConnect.Sandbox.Merchants;
using NordeaConnect.Sandbox.Plans;
using NordeaConnect.Sandbox.Refunds;
using NordeaConnect.Sandbox.Store;
using NordeaConnect.Sandbox.StoredCards;
using NordeaConnect.Sandbox.Subscriptions;
using NordeaConnect.Sandbox.Transactions;
using NordeaConnect.Sandbox.Webhooks;
using NordeaConnect.Sandbox.Webhooks.Delivery;
using NordeaConnect.Sandbox.WebhookTemplates;

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
        services.AddSandboxFaults();
        services.AddSandboxWebhookDelivery();
        services.AddOptions<WebhookDeliveryOptions>().Configure<IOptions<SandboxOptions>>((delivery, sandbox) => delivery.RandomSeed = sandbox.Value.RandomSeed);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWebhookDeliveryObserver, WebhookDeliveryRecorder>());
        services.AddSandboxBilling();
        services.TryAddSingleton<IBillingLedger, SubscriptionBillingLedger>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBillingEvents, SubscriptionBillingEvents>());

        services.TryAddSingleton<SandboxRoutes>();
        services.TryAddSingleton<UnmatchedRouteHandler>();
        services.TryAddSingleton<MerchantDirectory>();
        services.TryAddSingleton<SandboxStore>();
        services.TryAddSingleton<BasicAuthenticationFilter>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<TransactionService>();
        services.TryAddSingleton<RefundService>();
        services.TryAddSingleton<CustomerService>();
        services.TryAddSingleton<StoredCardService>();
        services.TryAddSingleton<PlanService>();
        services.TryAddSingleton<SubscriptionService>();
        services.TryAddSingleton<WebhookTemplateService>();
        services.TryAddSingleton<CheckoutService>();
        services.TryAddSingleton<DashboardReader>();
        services.TryAddSingleton<DashboardPageRenderer>();
        services.AddAntiforgery();
        services.TryAddSingleton(provider => new SandboxLedger(provider.GetRequiredService<SandboxStore>(), provider.GetRequiredService<IWebhookDeliveryLog>()));
        return services;
    }
}
