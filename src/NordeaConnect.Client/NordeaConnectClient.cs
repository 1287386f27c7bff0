using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <summary>
/// The client: all resource services over one <see cref="INordeaConnectHttp"/>. Resolve it from DI after
/// <c>services.AddNordeaConnectClient(...)</c>, or build a standalone one with <see cref="Create"/>.
/// </summary>
public sealed class NordeaConnectClient : INordeaConnectClient, IDisposable
{
    private readonly IDisposable? _ownedHttpClient;

    public NordeaConnectClient(
        ITransactionService transactions,
        IRefundService refunds,
        IStoredCardService storedCards,
        IPlanService plans,
        ISubscriptionService subscriptions,
        ICustomerService customers,
        IWebhookTemplateService webhookTemplates,
        IWebhookService webhooks)
    {
        Transactions = transactions ?? throw new ArgumentNullException(nameof(transactions));
        Refunds = refunds ?? throw new ArgumentNullException(nameof(refunds));
        StoredCards = storedCards ?? throw new ArgumentNullException(nameof(storedCards));
        Plans = plans ?? throw new ArgumentNullException(nameof(plans));
        Subscriptions = subscriptions ?? throw new ArgumentNullException(nameof(subscriptions));
        Customers = customers ?? throw new ArgumentNullException(nameof(customers));
        WebhookTemplates = webhookTemplates ?? throw new ArgumentNullException(nameof(webhookTemplates));
        Webhooks = webhooks ?? throw new ArgumentNullException(nameof(webhooks));
    }

    /// <summary>All services over one seam (a substitute seam in tests, or the HTTP one).</summary>
    public NordeaConnectClient(INordeaConnectHttp http, IOptions<NordeaConnectClientOptions> options)
        : this(
            new TransactionService(http, options),
            new RefundService(http),
            new StoredCardService(http),
            new PlanService(http),
            new SubscriptionService(http),
            new CustomerService(http),
            new WebhookTemplateService(http, options),
            new WebhookService(http))
    {
    }

    private NordeaConnectClient(INordeaConnectHttp http, IOptions<NordeaConnectClientOptions> options, IDisposable ownedHttpClient)
        : this(http, options)
    {
        _ownedHttpClient = ownedHttpClient;
    }

    public ITransactionService Transactions { get; }

    public IRefundService Refunds { get; }

    public IStoredCardService StoredCards { get; }

    public IPlanService Plans { get; }

    public ISubscriptionService Subscriptions { get; }

    public ICustomerService Customers { get; }

    public IWebhookTemplateService WebhookTemplates { get; }

    public IWebhookService Webhooks { get; }

    /// <summary>
    /// A standalone client for programs without dependency injection: validates <paramref name="options"/> (throwing
    /// <see cref="OptionsValidationException"/> naming each bad setting) and owns its HttpClient; dispose it when done.
    /// </summary>
    public static NordeaConnectClient Create(NordeaConnectClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = Options.Create(options.Clone());
        NordeaConnectClientOptionsValidator.ThrowIfInvalid(snapshot.Value);
        var httpClient = new HttpClient(NordeaConnectHttpHandler.Create(snapshot.Value), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var resilience = new NordeaConnectResiliencePipeline(snapshot, loggerFactory?.CreateLogger<NordeaConnectResiliencePipeline>(), timeProvider);
        var http = new NordeaConnectHttp(httpClient, resilience, snapshot, loggerFactory?.CreateLogger<NordeaConnectHttp>(), timeProvider);
        return new NordeaConnectClient(http, snapshot, httpClient);
    }

    public void Dispose() => _ownedHttpClient?.Dispose();
}
