using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IWebhookTemplateService"/>
public sealed class WebhookTemplateService : IWebhookTemplateService
{
    private static readonly FilterableFields Fields = FilterableFields.Any("Webhook templates");

    private readonly IWebhookTemplatesApi _api;
    private readonly string _merchantId;
    private readonly string? _locale;

    public WebhookTemplateService(IWebhookTemplatesApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _merchantId = options.Value.MerchantId;
        _locale = options.Value.Locale;
    }

    public Task<WebhookTemplate> CreateAsync(WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Trigger) || string.IsNullOrWhiteSpace(options.Type))
        {
            throw new ArgumentException("A webhook template needs a trigger (e.g. payment_success) and a type (e.g. Webhook::CustomHttpWebhook).", nameof(options));
        }

        return _api.CreateAsync(BuildForm(options, WebhookTemplateTypes.ForCreate(options.Type), options.MerchantId ?? _merchantId), RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<WebhookTemplate> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<WebhookTemplate>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        return PageReader.ReadAsync(_api.ListAsync(options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<WebhookTemplate> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => _api.ListAsync(page, locale, requestOptions, token), cancellationToken);
    }

    public Task<WebhookTemplate> UpdateAsync(long id, WebhookTemplateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        return _api.UpdateAsync(id, BuildForm(options, options.Type is null ? null : WebhookTemplateTypes.ForUpdate(options.Type), options.MerchantId), RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    private static WebhookTemplateForm BuildForm(WebhookTemplateOptions options, string? type, string? merchantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.Body, nameof(options));
        return new WebhookTemplateForm
        {
            Url = options.Url,
            Trigger = options.Trigger,
            Type = type,
            MerchantId = merchantId,
            Email = options.Email,
            HttpMethod = options.HttpMethod,
            DataFormat = options.DataFormat,
            Body = options.Body,
            CustomHeaders = options.CustomHeaders,
            Sender = options.Sender,
        };
    }
}
