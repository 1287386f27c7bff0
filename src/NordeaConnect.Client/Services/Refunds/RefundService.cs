using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IRefundService"/>
public sealed class RefundService : IRefundService
{
    private readonly IRefundsApi _api;
    private readonly string? _locale;

    public RefundService(IRefundsApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<Refund> CreateAsync(RefundCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TransactionId, nameof(options));
        if (string.IsNullOrWhiteSpace(options.Reason))
        {
            throw new ArgumentException("A refund needs a reason, e.g. \"Cancelled order\".", nameof(options));
        }

        var form = new RefundForm { TransactionId = options.TransactionId, Amount = options.Amount, Reason = options.Reason };
        return _api.CreateAsync(form, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Refund> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<Refund>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Refunds);
        return PageReader.ReadAsync(_api.ListAsync(options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Refund> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Refunds);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => _api.ListAsync(page, locale, requestOptions, token), cancellationToken);
    }
}
