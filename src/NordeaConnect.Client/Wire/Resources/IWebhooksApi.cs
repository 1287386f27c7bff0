using Refit;

namespace NordeaConnect.Client;

/// <summary>Webhooks sent for transactions, as the reference declares them (the wire under <see cref="IWebhookService"/>).</summary>
public interface IWebhooksApi
{
    [Get("/v1/webhooks/{id}")]
    Task<Webhook> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/webhooks")]
    Task<IApiResponse<Webhook[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
