using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IStoredCardService"/>
public sealed class StoredCardService : IStoredCardService
{
    private readonly IStoredCardsApi _api;
    private readonly string? _locale;

    public StoredCardService(IStoredCardsApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<StoredCard> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<StoredCard>> ListAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.StoredCards);
        return PageReader.ReadAsync(List(options, options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<StoredCard> ListAllAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.StoredCards);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => List(options, page, locale, requestOptions, token), cancellationToken);
    }

    public Task<StoredCard> UpdateAsync(long id, StoredCardUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        if (!StoredCardStatus.IsKnown(options.Status))
        {
            throw new ArgumentException($"'{options.Status}' is not a stored card status; use active, inactive or deleted.", nameof(options));
        }

        return _api.UpdateAsync(id, new StoredCardStatusForm { Status = options.Status }, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<StoredCard> DeleteAsync(long id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.DeleteAsync(id, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    private Task<Refit.IApiResponse<StoredCard[]>> List(StoredCardListOptions? scope, ListOptions? query, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        scope?.CustomerId is { } customerId
            ? _api.ListOfCustomerAsync(customerId, query, locale, requestOptions, cancellationToken)
            : _api.ListAsync(query, locale, requestOptions, cancellationToken);
}
