using System.Globalization;
using Microsoft.Extensions.Options;

namespace NordeaConnect.Client;

/// <inheritdoc cref="ISubscriptionService"/>
public sealed class SubscriptionService : ISubscriptionService
{
    private static readonly FilterableFields Fields = FilterableFields.Any("Subscriptions");

    private readonly ISubscriptionsApi _api;
    private readonly string? _locale;

    public SubscriptionService(ISubscriptionsApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<Subscription> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<Subscription>> ListAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        return PageReader.ReadAsync(List(options, options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Subscription> ListAllAsync(SubscriptionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(Fields);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => List(options, page, locale, requestOptions, token), cancellationToken);
    }

    public Task<Subscription> UpdateAsync(long id, SubscriptionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Status is not null && !SubscriptionStatus.IsKnown(options.Status))
        {
            throw new ArgumentException($"'{options.Status}' is not a subscription status; use active or cancelled.", nameof(options));
        }

        if (options.Quantity is <= 0)
        {
            throw new ArgumentException($"A subscription quantity must be at least 1, not {options.Quantity}.", nameof(options));
        }

        var form = new SubscriptionUpdateForm
        {
            Debt = SignedAmount(options.Debt),
            PlanId = options.PlanId,
            Status = options.Status,
            Quantity = options.Quantity,
            Metadata = JsonFieldText.Of(options.Metadata),
            StoredCardId = options.StoredCardId,
            Items = JsonFieldText.Of(options.Items),
        };
        return _api.UpdateAsync(id, form, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    /// <summary>A signed amount with exactly two decimals and a dot (debt may be negative, so it is not an <c>Amount</c>).</summary>
    private static string? SignedAmount(decimal? value)
    {
        if (value is not { } number)
        {
            return null;
        }

        if (decimal.Round(number, 2) != number)
        {
            throw new ArgumentException($"debt {number.ToString(CultureInfo.InvariantCulture)} has more than two decimals.", "options");
        }

        return number.ToString("0.00", CultureInfo.InvariantCulture);
    }

    private Task<Refit.IApiResponse<Subscription[]>> List(SubscriptionListOptions? scope, ListOptions? query, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        scope?.CustomerId is { } customerId
            ? _api.ListOfCustomerAsync(customerId, query, locale, requestOptions, cancellationToken)
            : _api.ListAsync(query, locale, requestOptions, cancellationToken);
}
