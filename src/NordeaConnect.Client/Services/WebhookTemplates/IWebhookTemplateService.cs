namespace NordeaConnect.Client;

/// <summary>Webhook templates: create, show, list, update.</summary>
public interface IWebhookTemplateService
{
    /// <summary><c>POST /v1/webhook_templates</c>.</summary>
    Task<WebhookTemplate> CreateAsync(WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/webhook_templates/{id}</c>.</summary>
    Task<WebhookTemplate> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/webhook_templates</c>.</summary>
    Task<Page<WebhookTemplate>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<WebhookTemplate> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/webhook_templates/{id}</c>.</summary>
    Task<WebhookTemplate> UpdateAsync(long id, WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
