namespace NordeaConnect.Client;

/// <inheritdoc cref="ICustomerService"/>
public sealed class CustomerService : ICustomerService
{
    private const string Resource = "customers";

    private readonly ResourceCalls _calls;

    public CustomerService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

    public Task<Customer> CreateAsync(CustomerCreateOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var form = new FormBody()
            .Add("ref", options?.Ref)
            .Add("metadata", FormValues.Of(options?.Metadata));
        return _calls.SendAsync(HttpMethod.Post, "v1/" + Resource, form, NordeaConnectJsonContext.Default.Customer, requestOptions, cancellationToken);
    }

    public Task<Customer> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Customer, requestOptions, cancellationToken);

    public Task<Page<Customer>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync("v1/" + Resource, options, FilterableFields.Customers, NordeaConnectJsonContext.Default.CustomerArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Customer> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync("v1/" + Resource, options, FilterableFields.Customers, NordeaConnectJsonContext.Default.CustomerArray, requestOptions, cancellationToken);

    public Task<Customer> UpdateAsync(long id, CustomerUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Metadata, nameof(options));
        var form = new FormBody().Add("metadata", FormValues.Of(options.Metadata));
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id), form, NordeaConnectJsonContext.Default.Customer, requestOptions, cancellationToken);
    }
}
