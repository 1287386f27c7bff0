namespace NordeaConnect.Client;

/// <summary>Refunds: create, show, list.</summary>
public interface IRefundService
{
    /// <summary><c>POST /v1/refunds</c>. Never retried unless marked safe: a repeated refund pays back twice.</summary>
    Task<Refund> CreateAsync(RefundCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/refunds/{id}</c>; <c>extend=transaction</c> returns the full transaction.</summary>
    Task<Refund> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/refunds</c> (filters: status, created_at, amount, reason).</summary>
    Task<Page<Refund>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Refund> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
