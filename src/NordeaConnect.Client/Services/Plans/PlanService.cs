using Microsoft.Extensions.Options;
using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IPlanService"/>
public sealed class PlanService : IPlanService
{
    private readonly IPlansApi _api;
    private readonly string? _locale;

    public PlanService(IPlansApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _locale = options.Value.Locale;
    }

    public Task<Plan> CreateAsync(PlanCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Name, nameof(options));
        if (!IntervalUnits.IsKnown(options.IntervalUnit))
        {
            throw new ArgumentException($"'{options.IntervalUnit}' is not an interval unit; use days or months.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Interval, nameof(options));
        if (options.Periods is < 0 || options.TrialLength is < 0)
        {
            throw new ArgumentException("Periods and trial length cannot be negative (0 means forever / no trial).", nameof(options));
        }

        if (options.Prices.Count == 0)
        {
            throw new ArgumentException("A plan needs a price in at least one currency.", nameof(options));
        }

        var form = new PlanForm
        {
            Name = options.Name,
            Description = options.Description,
            IntervalUnit = options.IntervalUnit,
            Interval = options.Interval,
            Periods = options.Periods,
            TrialLength = options.TrialLength,
            Prices = CurrencyAmountsConverter.ToJsonText(options.Prices),
            SetupFees = options.SetupFees is null ? null : CurrencyAmountsConverter.ToJsonText(options.SetupFees),
        };
        return _api.CreateAsync(form, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Plan> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken);
    }

    public Task<Page<Plan>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Plans);
        return PageReader.ReadAsync(_api.ListAsync(options, RequestOptions.LocaleFor(requestOptions, _locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Plan> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(FilterableFields.Plans);
        var locale = RequestOptions.LocaleFor(requestOptions, _locale);
        return PageReader.WalkAsync(options, (page, token) => _api.ListAsync(page, locale, requestOptions, token), cancellationToken);
    }
}
