using Refit;

namespace NordeaConnect.Client;

/// <summary>Stored cards as the reference declares them (the wire under <see cref="IStoredCardService"/>).</summary>
public interface IStoredCardsApi
{
    [Get("/v1/stored_cards/{id}")]
    Task<StoredCard> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/stored_cards")]
    Task<IApiResponse<StoredCard[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/customers/{customerId}/stored_cards")]
    Task<IApiResponse<StoredCard[]>> ListOfCustomerAsync(long customerId, [Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/stored_cards/{id}")]
    Task<StoredCard> UpdateAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] StoredCardStatusForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Delete("/v1/stored_cards/{id}")]
    Task<StoredCard> DeleteAsync(long id, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
