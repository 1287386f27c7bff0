namespace NordeaConnect.Client;

/// <summary>Billing plans: create, show, list.</summary>
public interface IPlanService
{
    /// <summary><c>POST /v1/plans</c>.</summary>
    Task<Plan> CreateAsync(PlanCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/plans/{id}</c>.</summary>
    Task<Plan> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/plans</c>.</summary>
    Task<Page<Plan>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Plan> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
