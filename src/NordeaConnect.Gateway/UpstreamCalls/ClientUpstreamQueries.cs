using NordeaConnect.Client;
using NordeaConnect.Gateway.Operations;

namespace NordeaConnect.Gateway.UpstreamCalls;

/// <summary>Lists and merchant-wide resources, straight from Nordea Connect through its typed client.</summary>
internal sealed class ClientUpstreamQueries(INordeaConnectClient client) : IUpstreamQueries
{
    public Task<Page<Transaction>> ListTransactionsAsync(ListOptions options, long? customerId, long? subscriptionId, CancellationToken cancellationToken) =>
        client.Transactions.ListAsync(Scoped<TransactionListOptions>(options, o => { o.CustomerId = customerId; o.SubscriptionId = subscriptionId; }), cancellationToken: cancellationToken);

    public Task<Page<Refund>> ListRefundsAsync(ListOptions options, CancellationToken cancellationToken) =>
        client.Refunds.ListAsync(options, cancellationToken: cancellationToken);

    public Task<Page<StoredCard>> ListStoredCardsAsync(ListOptions options, long? customerId, CancellationToken cancellationToken) =>
        client.StoredCards.ListAsync(Scoped<StoredCardListOptions>(options, o => o.CustomerId = customerId), cancellationToken: cancellationToken);

    public Task<Page<Plan>> ListPlansAsync(ListOptions options, CancellationToken cancellationToken) =>
        client.Plans.ListAsync(options, cancellationToken: cancellationToken);

    public Task<Page<Subscription>> ListSubscriptionsAsync(ListOptions options, long? customerId, CancellationToken cancellationToken) =>
        client.Subscriptions.ListAsync(Scoped<SubscriptionListOptions>(options, o => o.CustomerId = customerId), cancellationToken: cancellationToken);

    public Task<Page<Customer>> ListCustomersAsync(ListOptions options, CancellationToken cancellationToken) =>
        client.Customers.ListAsync(options, cancellationToken: cancellationToken);

    public Task<Page<WebhookTemplate>> ListWebhookTemplatesAsync(ListOptions options, CancellationToken cancellationToken) =>
        client.WebhookTemplates.ListAsync(options, cancellationToken: cancellationToken);

    public Task<Page<Webhook>> ListWebhooksAsync(ListOptions options, CancellationToken cancellationToken) =>
        client.Webhooks.ListAsync(options, cancellationToken: cancellationToken);

    public Task<Refund> GetRefundAsync(long id, CancellationToken cancellationToken) =>
        client.Refunds.GetAsync(id, cancellationToken: cancellationToken);

    public Task<Webhook> GetWebhookAsync(long id, CancellationToken cancellationToken) =>
        client.Webhooks.GetAsync(id, cancellationToken: cancellationToken);

    public Task<WebhookTemplate> GetWebhookTemplateAsync(long id, CancellationToken cancellationToken) =>
        client.WebhookTemplates.GetAsync(id, cancellationToken: cancellationToken);

    public Task<WebhookTemplate> CreateWebhookTemplateAsync(WebhookTemplateFields fields, CancellationToken cancellationToken) =>
        client.WebhookTemplates.CreateAsync(Options(fields, current: null), cancellationToken: cancellationToken);

    public async Task<WebhookTemplate> UpdateWebhookTemplateAsync(long id, WebhookTemplateFields fields, CancellationToken cancellationToken)
    {
        // The upstream update takes the whole template, so fields the caller left out keep their current values.
        var current = await client.WebhookTemplates.GetAsync(id, cancellationToken: cancellationToken);
        return await client.WebhookTemplates.UpdateAsync(id, Options(fields, current), cancellationToken: cancellationToken);
    }

    private static WebhookTemplateOptions Options(WebhookTemplateFields fields, WebhookTemplate? current) => new()
    {
        Trigger = fields.Trigger ?? current?.Trigger,
        Type = fields.Type ?? current?.Type,
        Url = fields.Url ?? current?.Url,
        Email = fields.Email ?? current?.Email,
        HttpMethod = fields.HttpMethod ?? current?.HttpMethod,
        DataFormat = fields.DataFormat ?? current?.DataFormat,
        Body = fields.Body ?? current?.Body ?? string.Empty,
        CustomHeaders = fields.CustomHeaders ?? current?.CustomHeaders,
        Sender = fields.Sender ?? current?.Sender,
    };

    /// <summary>The resource's own options type carrying the generic ones, for its scoping fields.</summary>
    private static TOptions Scoped<TOptions>(ListOptions options, Action<TOptions> scope)
        where TOptions : ListOptions, new()
    {
        var scoped = new TOptions { Limit = options.Limit, Offset = options.Offset, StartId = options.StartId, OrderBy = options.OrderBy };
        foreach (var filter in options.Filters)
        {
            scoped.AddFilter(filter);
        }

        if (options.Extend.Count > 0)
        {
            scoped.AddExtend(options.Extend);
        }

        scope(scoped);
        return scoped;
    }
}
