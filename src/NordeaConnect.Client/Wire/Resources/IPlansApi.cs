using Refit;

namespace NordeaConnect.Client;

/// <summary>Billing plans as the reference declares them (the wire under <see cref="IPlanService"/>).</summary>
public interface IPlansApi
{
    [Post("/v1/plans")]
    Task<Plan> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] PlanForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/plans/{id}")]
    Task<Plan> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/plans")]
    Task<IApiResponse<Plan[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
