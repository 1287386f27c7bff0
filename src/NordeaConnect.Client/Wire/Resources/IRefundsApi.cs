using Refit;

namespace NordeaConnect.Client;

/// <summary>Refunds as the reference declares them (the wire under <see cref="IRefundService"/>).</summary>
public interface IRefundsApi
{
    [Post("/v1/refunds")]
    Task<Refund> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] RefundForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/refunds/{id}")]
    Task<Refund> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/refunds")]
    Task<IApiResponse<Refund[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
