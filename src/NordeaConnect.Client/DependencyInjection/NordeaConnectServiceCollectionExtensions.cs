using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NordeaConnect.Client;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Nordea Connect client: options validated at start-up, one named HttpClient carrying the call
/// handler and the standard resilience handler, the Refit wire interfaces over it, and the typed services.
/// </summary>
public static class NordeaConnectServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient every wire interface uses, for further configuration through IHttpClientFactory.</summary>
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
        // A second registration adds options only: the handlers must not be stacked twice.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(UpstreamCallHandler)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NordeaConnectClientOptions>, NordeaConnectClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<UpstreamCallHandler>();
        services.AddTransient<ResponseBufferingHandler>();

        // Every wire interface shares the one named HttpClient, so handlers added to it apply to all calls.
        AddWire<ITransactionsApi>(services);
        AddWire<IRefundsApi>(services);
        AddWire<IStoredCardsApi>(services);
        AddWire<IPlansApi>(services);
        AddWire<ISubscriptionsApi>(services);
        AddWire<ICustomersApi>(services);
        AddWire<IWebhookTemplatesApi>(services);
        AddWire<IWebhooksApi>(services);

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

        // Configured after the wire interfaces: each of them sets a default primary handler, and the last one wins.
        // The call handler logs one line per call, so the factory's own request logging (full URIs) is removed.
        var builder = services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.BaseAddress = NordeaConnectClientOptionsValidator.Root(Options(provider).BaseAddress!);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(provider => NordeaConnectHttpHandler.Create(Options(provider)))
            .RemoveAllLoggers()
            .AddHttpMessageHandler<UpstreamCallHandler>();
        var resilience = builder.AddStandardResilienceHandler();
        resilience.Configure((standard, provider) =>
        {
            NordeaConnectClientOptions settings;
            try
            {
                settings = Options(provider);
            }
            catch (OptionsValidationException)
            {
                // The client's own start-up validation reports these settings, naming each; don't report them twice.
                return;
            }

            NordeaConnectResilience.Configure(standard, settings, provider.GetRequiredService<ILoggerFactory>().CreateLogger(NordeaConnectResilience.LoggerName));
        });
        services.AddOptions<HttpStandardResilienceOptions>(resilience.PipelineName).ValidateOnStart();
        return builder.AddHttpMessageHandler<ResponseBufferingHandler>();
    }

    private static void AddWire<T>(IServiceCollection services)
        where T : class =>
        services.AddRefitGeneratedClient<T>(
            NordeaConnectJsonContext.Default,
            provider => NordeaConnectRefitSettings.Create(NordeaConnectClientOptionsValidator.Root(Options(provider).BaseAddress!).AbsolutePath),
            HttpClientName);

    private static NordeaConnectClientOptions Options(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<NordeaConnectClientOptions>>().Value;
}
