using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Operations;

/// <summary>
/// Calls that go straight to Nordea Connect: lists (a list is not one entity, so no grain holds it), and the
/// merchant-wide resources no grain owns (refunds by id, webhooks, webhook templates). Failures throw
/// <see cref="Upstream.NordeaConnectException"/>.
/// </summary>
public interface IUpstreamQueries
{
    Task<Upstream.Page<Upstream.Transaction>> ListTransactionsAsync(Upstream.ListOptions options, long? customerId, long? subscriptionId, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.Refund>> ListRefundsAsync(Upstream.ListOptions options, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.StoredCard>> ListStoredCardsAsync(Upstream.ListOptions options, long? customerId, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.Plan>> ListPlansAsync(Upstream.ListOptions options, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.Subscription>> ListSubscriptionsAsync(Upstream.ListOptions options, long? customerId, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.Customer>> ListCustomersAsync(Upstream.ListOptions options, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.WebhookTemplate>> ListWebhookTemplatesAsync(Upstream.ListOptions options, CancellationToken cancellationToken);

    Task<Upstream.Page<Upstream.Webhook>> ListWebhooksAsync(Upstream.ListOptions options, CancellationToken cancellationToken);

    Task<Upstream.Refund> GetRefundAsync(long id, CancellationToken cancellationToken);

    Task<Upstream.Webhook> GetWebhookAsync(long id, CancellationToken cancellationToken);

    Task<Upstream.WebhookTemplate> GetWebhookTemplateAsync(long id, CancellationToken cancellationToken);

    Task<Upstream.WebhookTemplate> CreateWebhookTemplateAsync(WebhookTemplateFields fields, CancellationToken cancellationToken);

    Task<Upstream.WebhookTemplate> UpdateWebhookTemplateAsync(long id, WebhookTemplateFields fields, CancellationToken cancellationToken);
}
