using NordeaConnect.Client.Serialization;

namespace NordeaConnect.Client;

/// <inheritdoc cref="IPlanService"/>
public sealed class PlanService : IPlanService
{
    private const string Resource = "plans";

    private readonly ResourceCalls _calls;

    public PlanService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

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

        var form = new FormBody()
            .Add("name", options.Name)
            .Add("description", options.Description)
            .Add("interval_unit", options.IntervalUnit)
            .Add("interval", FormValues.Of(options.Interval))
            .Add("periods", FormValues.Of(options.Periods))
            .Add("trial_length", FormValues.Of(options.TrialLength))
            .Add("prices", CurrencyAmountsConverter.ToJsonText(options.Prices))
            .Add("setup_fees", options.SetupFees is null ? null : CurrencyAmountsConverter.ToJsonText(options.SetupFees));
        return _calls.SendAsync(HttpMethod.Post, "v1/" + Resource, form, NordeaConnectJsonContext.Default.Plan, requestOptions, cancellationToken);
    }

    public Task<Plan> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Plan, requestOptions, cancellationToken);

    public Task<Page<Plan>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync("v1/" + Resource, options, FilterableFields.Plans, NordeaConnectJsonContext.Default.PlanArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Plan> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync("v1/" + Resource, options, FilterableFields.Plans, NordeaConnectJsonContext.Default.PlanArray, requestOptions, cancellationToken);
}
