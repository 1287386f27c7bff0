namespace NordeaConnect.Client;

/// <inheritdoc cref="ISubscriptionService"/>
public sealed class SubscriptionService : ISubscriptionService
{
    private const string Resource = "subscriptions";

    private readonly ResourceCalls _calls;

    public SubscriptionService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

    public Task<Subscription> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Subscription, requestOptions, cancellationToken);

    public Task<Page<Subscription>> ListAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.Any("Subscriptions"), NordeaConnectJsonContext.Default.SubscriptionArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Subscription> ListAllAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.Any("Subscriptions"), NordeaConnectJsonContext.Default.SubscriptionArray, requestOptions, cancellationToken);

    public Task<Subscription> UpdateAsync(long id, SubscriptionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Status is not null && !SubscriptionStatus.IsKnown(options.Status))
        {
            throw new ArgumentException($"'{options.Status}' is not a subscription status; use active or cancelled.", nameof(options));
        }

        if (options.Quantity is <= 0)
        {
            throw new ArgumentException($"A subscription quantity must be at least 1, not {options.Quantity}.", nameof(options));
        }

        var form = new FormBody()
            .Add("debt", FormValues.OfSignedAmount(options.Debt, "debt"))
            .Add("plan_id", FormValues.Of(options.PlanId))
            .Add("status", options.Status)
            .Add("subscription_quantity", FormValues.Of(options.Quantity))
            .Add("metadata", FormValues.Of(options.Metadata))
            .Add("stored_card_id", FormValues.Of(options.StoredCardId))
            .Add("items", FormValues.OfItems(options.Items));
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id), form, NordeaConnectJsonContext.Default.Subscription, requestOptions, cancellationToken);
    }
}
