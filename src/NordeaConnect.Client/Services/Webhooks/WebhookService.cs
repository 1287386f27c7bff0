namespace NordeaConnect.Client;

/// <inheritdoc cref="IWebhookService"/>
public sealed class WebhookService : IWebhookService
{
    private const string Resource = "webhooks";

    private readonly ResourceCalls _calls;

    public WebhookService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

    public Task<Webhook> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Webhook, requestOptions, cancellationToken);

    public Task<Page<Webhook>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync("v1/" + Resource, options, FilterableFields.Any("Webhooks"), NordeaConnectJsonContext.Default.WebhookArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Webhook> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync("v1/" + Resource, options, FilterableFields.Any("Webhooks"), NordeaConnectJsonContext.Default.WebhookArray, requestOptions, cancellationToken);
}
