using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Nordea Connect client: options validated at start-up, a named HttpClient, the services.</summary>
public static class NordeaConnectServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the client uses, for further configuration through IHttpClientFactory.</summary>
    public const string HttpClientName = "NordeaConnect";

    /// <summary>Registers the client with options set in code.</summary>
    public static IHttpClientBuilder AddNordeaConnectClient(this IServiceCollection services, Action<NordeaConnectClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NordeaConnectClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>
    /// Registers the client with options bound from the <c>NordeaConnect</c> section of <paramref name="configuration"/>
    /// (BaseAddress, MerchantId, ApiPassword, HashSecret, Locale, timeouts, retry and circuit settings).
    /// </summary>
    public static IHttpClientBuilder AddNordeaConnectClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NordeaConnectClientOptions>().Bind(configuration.GetSection(NordeaConnectClientOptions.SectionName)).ValidateOnStart();
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NordeaConnectClientOptions>, NordeaConnectClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NordeaConnectResiliencePipeline>();

        services.TryAddTransient<ITransactionService, TransactionService>();
        services.TryAddTransient<IRefundService, RefundService>();
        services.TryAddTransient<IStoredCardService, StoredCardService>();
        services.TryAddTransient<IPlanService, PlanService>();
        services.TryAddTransient<ISubscriptionService, SubscriptionService>();
        services.TryAddTransient<ICustomerService, CustomerService>();
        services.TryAddTransient<IWebhookTemplateService, WebhookTemplateService>();
        services.TryAddTransient<IWebhookService, WebhookService>();
        services.TryAddTransient<INordeaConnectClient>(provider => new NordeaConnectClient(
            provider.GetRequiredService<ITransactionService>(),
            provider.GetRequiredService<IRefundService>(),
            provider.GetRequiredService<IStoredCardService>(),
            provider.GetRequiredService<IPlanService>(),
            provider.GetRequiredService<ISubscriptionService>(),
            provider.GetRequiredService<ICustomerService>(),
            provider.GetRequiredService<IWebhookTemplateService>(),
            provider.GetRequiredService<IWebhookService>()));

        // The typed client gets a fresh HttpClient from the factory (pooled handler, TLS 1.2+); timeouts are Polly's.
        return services
            .AddHttpClient<INordeaConnectHttp, NordeaConnectHttp>(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => NordeaConnectHttpHandler.Create(provider.GetRequiredService<IOptions<NordeaConnectClientOptions>>().Value));
    }
}
