using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="ICustomerService"/>
public sealed class CustomerService : ICustomerService
{
    private readonly ICustomersApi _api;
    private readonly string? _locale;

    public CustomerService(ICustomersApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<Customer> CreateAsync(CustomerCreateOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        var form = new CustomerForm { Ref = options?.Ref, Metadata = JsonFieldText.Of(options?.Metadata) };
        return _api.CreateAsync(form, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Customer> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<Customer>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Customers);
        return PageReader.ReadAsync(_api.ListAsync(options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Customer> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Customers);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => _api.ListAsync(page, locale, requestOptions, token), cancellationToken);
    }

    public Task<Customer> UpdateAsync(long id, CustomerUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Metadata, nameof(options));
        var form = new CustomerForm { Metadata = JsonFieldText.Of(options.Metadata) };
        return _api.UpdateAsync(id, form, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }
}
