namespace NordeaConnect.Client;

/// <inheritdoc cref="IRefundService"/>
public sealed class RefundService : IRefundService
{
    private const string Resource = "refunds";

    private readonly ResourceCalls _calls;

    public RefundService(INordeaConnectHttp http) => _calls = new ResourceCalls(http);

    public Task<Refund> CreateAsync(RefundCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.TransactionId, nameof(options));
        if (string.IsNullOrWhiteSpace(options.Reason))
        {
            throw new ArgumentException("A refund needs a reason, e.g. \"Cancelled order\".", nameof(options));
        }

        var form = new FormBody()
            .Add("transaction_id", FormValues.Of(options.TransactionId))
            .Add("amount", FormValues.Of(options.Amount))
            .Add("reason", options.Reason);
        return _calls.SendAsync(HttpMethod.Post, "v1/" + Resource, form, NordeaConnectJsonContext.Default.Refund, requestOptions, cancellationToken);
    }

    public Task<Refund> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Refund, requestOptions, cancellationToken);

    public Task<Page<Refund>> ListAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync("v1/" + Resource, options, FilterableFields.Refunds, NordeaConnectJsonContext.Default.RefundArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Refund> ListAllAsync(ListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync("v1/" + Resource, options, FilterableFields.Refunds, NordeaConnectJsonContext.Default.RefundArray, requestOptions, cancellationToken);
}
