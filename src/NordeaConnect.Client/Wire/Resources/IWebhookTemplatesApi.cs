using Refit;

namespace NordeaConnect.Client;

/// <summary>Webhook templates as the reference declares them (the wire under <see cref="IWebhookTemplateService"/>).</summary>
public interface IWebhookTemplatesApi
{
    [Post("/v1/webhook_templates")]
    Task<WebhookTemplate> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] WebhookTemplateForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/webhook_templates/{id}")]
    Task<WebhookTemplate> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/webhook_templates")]
    Task<IApiResponse<WebhookTemplate[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/webhook_templates/{id}")]
    Task<WebhookTemplate> UpdateAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] WebhookTemplateForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
