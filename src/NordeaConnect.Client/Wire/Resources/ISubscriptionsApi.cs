using Refit;

namespace NordeaConnect.Client;

/// <summary>Subscriptions as the reference declares them (the wire under <see cref="ISubscriptionService"/>).</summary>
public interface ISubscriptionsApi
{
    [Get("/v1/subscriptions/{id}")]
    Task<Subscription> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/subscriptions")]
    Task<IApiResponse<Subscription[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/customers/{customerId}/subscriptions")]
    Task<IApiResponse<Subscription[]>> ListOfCustomerAsync(long customerId, [Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/subscriptions/{id}")]
    Task<Subscription> UpdateAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] SubscriptionUpdateForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
