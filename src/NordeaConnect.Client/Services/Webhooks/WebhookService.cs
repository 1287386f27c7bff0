using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IWebhookService"/>
public sealed class WebhookService : IWebhookService
{
    private static readonly FilterableFields Fields = FilterableFields.Any("Webhooks");

    private readonly IWebhooksApi _api;
    private readonly string? _locale;

    public WebhookService(IWebhooksApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<Webhook> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<Webhook>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        return PageReader.ReadAsync(_api.ListAsync(options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Webhook> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => _api.ListAsync(page, locale, requestOptions, token), cancellationToken);
    }
}
