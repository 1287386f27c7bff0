namespace NordeaConnect.Client;

/// <inheritdoc cref="IStoredCardService"/>
public sealed class StoredCardService : IStoredCardService
{
    private const string Resource = "stored_cards";

    private readonly ResourceCalls _calls;

    public StoredCardService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

    public Task<StoredCard> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.StoredCard, requestOptions, cancellationToken);

    public Task<Page<StoredCard>> ListAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.StoredCards, NordeaConnectJsonContext.Default.StoredCardArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<StoredCard> ListAllAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.StoredCards, NordeaConnectJsonContext.Default.StoredCardArray, requestOptions, cancellationToken);

    public Task<StoredCard> UpdateAsync(long id, StoredCardUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!StoredCardStatus.IsKnown(options.Status))
        {
            throw new ArgumentException($"'{options.Status}' is not a stored card status; use active, inactive or deleted.", nameof(options));
        }

        var form = new FormBody().Add("status", options.Status);
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id), form, NordeaConnectJsonContext.Default.StoredCard, requestOptions, cancellationToken);
    }

    public Task<StoredCard> DeleteAsync(long id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.SendAsync(HttpMethod.Delete, ResourceCalls.PathOf(Resource, id), null, NordeaConnectJsonContext.Default.StoredCard, requestOptions, cancellationToken);
}
