using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IWebhookTemplateService"/>
public sealed class WebhookTemplateService : IWebhookTemplateService
{
    private const string Resource = "webhook_templates";

    private readonly ResourceCalls _calls;
    private readonly string _merchantId;

    public WebhookTemplateService(INordeaConnectHttp http, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _calls = new ResourceCalls(http);
        _merchantId = options.Value.MerchantId;
    }

    public Task<WebhookTemplate> CreateAsync(WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Trigger) || string.IsNullOrWhiteSpace(options.Type))
        {
            throw new ArgumentException("A webhook template needs a trigger (e.g. payment_success) and a type (e.g. Webhook::CustomHttpWebhook).", nameof(options));
        }

        return _calls.SendAsync(HttpMethod.Post, "v1/" + Resource, BuildForm(options, options.MerchantId ?? _merchantId), NordeaConnectJsonContext.Default.WebhookTemplate, requestOptions, cancellationToken);
    }

    public Task<WebhookTemplate> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.WebhookTemplate, requestOptions, cancellationToken);

    public Task<Page<WebhookTemplate>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync("v1/" + Resource, options, FilterableFields.Any("Webhook templates"), NordeaConnectJsonContext.Default.WebhookTemplateArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<WebhookTemplate> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync("v1/" + Resource, options, FilterableFields.Any("Webhook templates"), NordeaConnectJsonContext.Default.WebhookTemplateArray, requestOptions, cancellationToken);

    public Task<WebhookTemplate> UpdateAsync(long id, WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id), BuildForm(options, options.MerchantId), NordeaConnectJsonContext.Default.WebhookTemplate, requestOptions, cancellationToken);
    }

    private static FormBody BuildForm(WebhookTemplateOptions options, string? merchantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Body, nameof(options));
        return new FormBody()
            .Add("url", options.Url)
            .Add("trigger", options.Trigger)
            .Add("type", options.Type)
            .Add("merchant_id", merchantId)
            .Add("email", options.Email)
            .Add("http_method", options.HttpMethod)
            .Add("data_format", options.DataFormat)
            .Add("body", options.Body)
            .Add("custom_headers", options.CustomHeaders)
            .Add("sender", options.Sender);
    }
}
