namespace NordeaConnect.Client;

/// <summary>Stored (tokenized) cards: show, list, update status, delete. Cards are stored through the Payment Window, not the API.</summary>
public interface IStoredCardService
{
    /// <summary><c>GET /v1/stored_cards/{id}</c>.</summary>
    Task<StoredCard> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/stored_cards</c> (or a customer's).</summary>
    Task<Page<StoredCard>> ListAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<StoredCard> ListAllAsync(StoredCardListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/stored_cards/{id}</c>. Setting a status is idempotent, so mark it <see cref="RequestOptions.RetrySafe"/> to have it retried.</summary>
    Task<StoredCard> UpdateAsync(long id, StoredCardUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /v1/stored_cards/{id}</c>; answers the card with status deleted.</summary>
    Task<StoredCard> DeleteAsync(long id, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
