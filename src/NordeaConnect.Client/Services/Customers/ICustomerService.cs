namespace NordeaConnect.Client;

/// <summary>Customers: create, show, list, update. Their transactions, stored cards and subscriptions are listed by those services.</summary>
public interface ICustomerService
{
    /// <summary><c>POST /v1/customers</c>.</summary>
    Task<Customer> CreateAsync(CustomerCreateOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/customers/{id}</c>.</summary>
    Task<Customer> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/customers</c> (filters: created_at, id, ref, updated_at).</summary>
    Task<Page<Customer>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Customer> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/customers/{id}</c>. Idempotent: mark it <see cref="RequestOptions.RetrySafe"/> to have it retried.</summary>
    Task<Customer> UpdateAsync(long id, CustomerUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
