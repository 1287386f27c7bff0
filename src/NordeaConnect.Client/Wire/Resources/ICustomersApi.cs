using Refit;

namespace NordeaConnect.Client;

/// <summary>Customers as the reference declares them (the wire under <see cref="ICustomerService"/>).</summary>
public interface ICustomersApi
{
    [Post("/v1/customers")]
    Task<Customer> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] CustomerForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/customers/{id}")]
    Task<Customer> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/customers")]
    Task<IApiResponse<Customer[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/customers/{id}")]
    Task<Customer> UpdateAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] CustomerForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
