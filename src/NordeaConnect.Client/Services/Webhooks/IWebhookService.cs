namespace NordeaConnect.Client;

/// <summary>Webhooks sent for transactions: show, list.</summary>
public interface IWebhookService
{
    /// <summary><c>GET /v1/webhooks/{id}</c>.</summary>
    Task<Webhook> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/webhooks</c>.</summary>
    Task<Page<Webhook>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Webhook> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
