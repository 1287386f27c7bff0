using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <summary>
/// The client: all resource services, each over its Refit wire interface. Resolve it from DI after
/// <c>services.AddNordeaConnectClient(...)</c>, or build a standalone one with <see cref="Create"/>.
/// </summary>
public sealed class NordeaConnectClient : INordeaConnectClient, IDisposable
{
    private readonly IDisposable? _owned;

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

    private NordeaConnectClient(INordeaConnectClient services, IDisposable owned)
        : this(services.Transactions, services.Refunds, services.StoredCards, services.Plans, services.Subscriptions, services.Customers, services.WebhookTemplates, services.Webhooks)
    {
        _owned = owned;
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
    /// <see cref="OptionsValidationException"/> naming each bad setting) and owns the same HTTP pipeline the DI
    /// registration builds (wire interfaces, call handler, resilience); dispose it when done.
    /// </summary>
    public static NordeaConnectClient Create(NordeaConnectClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = options.Clone();
        NordeaConnectClientOptionsValidator.ThrowIfInvalid(snapshot);
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory ?? NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(timeProvider ?? TimeProvider.System);
        services.AddNordeaConnectClient(configured => snapshot.CopyTo(configured));
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return new NordeaConnectClient(provider.GetRequiredService<INordeaConnectClient>(), provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public void Dispose() => _owned?.Dispose();
}
