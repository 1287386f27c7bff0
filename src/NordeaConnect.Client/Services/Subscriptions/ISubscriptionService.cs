namespace NordeaConnect.Client;

/// <summary>Subscriptions: show, list, update. They are created through the Payment Window, not the API.</summary>
public interface ISubscriptionService
{
    /// <summary><c>GET /v1/subscriptions/{id}</c>; e.g. <c>extend=customer,plan</c>.</summary>
    Task<Subscription> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/subscriptions</c> (or a customer's).</summary>
    Task<Page<Subscription>> ListAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Subscription> ListAllAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/subscriptions/{id}</c>.</summary>
    Task<Subscription> UpdateAsync(long id, SubscriptionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
