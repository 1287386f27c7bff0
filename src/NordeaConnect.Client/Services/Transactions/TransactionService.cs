using Microsoft.Extensions.Options;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <inheritdoc cref="ITransactionService"/>
public sealed class TransactionService : ITransactionService
{
    private readonly ITransactionsApi _api;
    private readonly NordeaConnectClientOptions _options;

    public TransactionService(ITransactionsApi api, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _options = options.Value;
    }

    public Task<Transaction> CreateAsync(TransactionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var form = BuildCreateForm(options, _options.MerchantId, _options.HashSecret);
        return _api.CreateAsync(form, RequestOptions.LocaleFor(requestOptions, _options.Locale), requestOptions, cancellationToken);
    }

    public Task<Transaction> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        return _api.GetAsync(id, options?.ExtendQuery, RequestOptions.LocaleFor(requestOptions, _options.Locale), requestOptions, cancellationToken);
    }

    public Task<Page<Transaction>> ListAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.CheckScope();
        options?.Validate(FilterableFields.Transactions);
        return PageReader.ReadAsync(List(options, options, RequestOptions.LocaleFor(requestOptions, _options.Locale), requestOptions, cancellationToken), options);
    }

    public IAsyncEnumerable<Transaction> ListAllAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        options?.CheckScope();
        options?.Validate(FilterableFields.Transactions);
        var locale = RequestOptions.LocaleFor(requestOptions, _options.Locale);
        return PageReader.WalkAsync(options, (page, token) => List(options, page, locale, requestOptions, token), cancellationToken);
    }

    public Task<Transaction> UpdateAsync(long id, TransactionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        var form = new TransactionUpdateForm
        {
            Amount = options.Amount,
            VatAmount = options.VatAmount,
            Currency = options.Currency?.Code,
            CustomerRef = options.CustomerRef,
            CardHolder = options.CardHolder,
            CardNumber = options.CardNumber,
            CardCvv = options.CardCvv,
            CardExpiry = options.CardExpiry,
            CardType = options.CardType,
            Encrypted = options.Encrypted,
            Process = options.Process,
            Metadata = JsonFieldText.Of(options.Metadata),
            Items = JsonFieldText.Of(options.Items),
        };
        return _api.UpdateAsync(id, form, RequestOptions.LocaleFor(requestOptions, _options.Locale), requestOptions, cancellationToken);
    }

    public Task<Transaction> CaptureAsync(long id, TransactionCaptureOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ArgumentNullException.ThrowIfNull(options);
        return _api.CaptureAsync(id, new CaptureForm { Amount = options.Amount }, RequestOptions.LocaleFor(requestOptions, _options.Locale), requestOptions, cancellationToken);
    }

    /// <summary>
    /// The create form, with <c>hash</c> computed by <see cref="RequestHash.Compute"/> from the very values the form
    /// sends, so the two cannot disagree (amount as "12.00", currency lower-case, test as "true"/"false").
    /// </summary>
    internal static TransactionCreateForm BuildCreateForm(TransactionCreateOptions options, string merchantId, string hashSecret) =>
        new()
        {
            Amount = options.Amount,
            Currency = options.Currency.Code,
            PaymentRef = options.PaymentRef.Value,
            CustomerRef = options.CustomerRef,
            Test = options.Test,
            Hash = RequestHash.Compute(merchantId, options.PaymentRef, options.CustomerRef, options.Amount, options.Currency, options.Test, hashSecret),
            VatAmount = options.VatAmount,
            CardNumber = options.CardNumber,
            CardType = options.CardType,
            CardHolder = options.CardHolder,
            CardCvv = options.CardCvv,
            CardExpiry = options.CardExpiry,
            Encrypted = options.Encrypted,
            Process = options.Process,
            Authorize = options.Authorize,
            TemplateId = options.TemplateId,
            SuccessUrl = options.SuccessUrl,
            ErrorUrl = options.ErrorUrl,
            Metadata = JsonFieldText.Of(options.Metadata),
            Items = JsonFieldText.Of(options.Items),
            Webhooks = JsonFieldText.Of(options.Webhooks),
        };

    private Task<Refit.IApiResponse<Transaction[]>> List(TransactionListOptions? scope, ListOptions? query, string? locale, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        (scope?.CustomerId, scope?.SubscriptionId) switch
        {
            ({ } customerId, _) => _api.ListOfCustomerAsync(customerId, query, locale, requestOptions, cancellationToken),
            (_, { } subscriptionId) => _api.ListOfSubscriptionAsync(subscriptionId, query, locale, requestOptions, cancellationToken),
            _ => _api.ListAsync(query, locale, requestOptions, cancellationToken),
        };
}
