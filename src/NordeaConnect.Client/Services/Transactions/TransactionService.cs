using Microsoft.Extensions.Options;
using NordeaConnect.Primitives;

namespace NordeaConnect.Client;

/// <inheritdoc cref="ITransactionService"/>
public sealed class TransactionService : ITransactionService
{
    private const string Resource = "transactions";

    private readonly ResourceCalls _calls;
    private readonly NordeaConnectClientOptions _options;

    public TransactionService(INordeaConnectHttp http, IOptions<NordeaConnectClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _calls = new ResourceCalls(http);
        _options = options.Value;
    }

    public Task<Transaction> CreateAsync(TransactionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var form = BuildCreateForm(options, _options.MerchantId, _options.HashSecret);
        return _calls.SendAsync(HttpMethod.Post, "v1/" + Resource, form, NordeaConnectJsonContext.Default.Transaction, requestOptions, cancellationToken);
    }

    public Task<Transaction> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.GetAsync(ResourceCalls.PathOf(Resource, id), options, NordeaConnectJsonContext.Default.Transaction, requestOptions, cancellationToken);

    public Task<Page<Transaction>> ListAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.Transactions, NordeaConnectJsonContext.Default.TransactionArray, requestOptions, cancellationToken);

    public IAsyncEnumerable<Transaction> ListAllAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        _calls.ListAllAsync(options?.Path ?? "v1/" + Resource, options, FilterableFields.Transactions, NordeaConnectJsonContext.Default.TransactionArray, requestOptions, cancellationToken);

    public Task<Transaction> UpdateAsync(long id, TransactionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var form = new FormBody()
            .Add("amount", FormValues.Of(options.Amount))
            .Add("vat_amount", FormValues.Of(options.VatAmount))
            .Add("currency", options.Currency?.Code)
            .Add("customer_ref", options.CustomerRef)
            .Add("card_holder", options.CardHolder)
            .AddSensitive("card_number", options.CardNumber)
            .AddSensitive("card_cvv", options.CardCvv)
            .AddSensitive("card_expiry", options.CardExpiry)
            .Add("card_type", options.CardType)
            .Add("encrypted", options.Encrypted)
            .Add("process", FormValues.Of(options.Process))
            .Add("metadata", FormValues.Of(options.Metadata))
            .Add("items", FormValues.OfItems(options.Items));
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id), form, NordeaConnectJsonContext.Default.Transaction, requestOptions, cancellationToken);
    }

    public Task<Transaction> CaptureAsync(long id, TransactionCaptureOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var form = new FormBody().Add("amount", FormValues.Of(options.Amount));
        return _calls.SendAsync(HttpMethod.Put, ResourceCalls.PathOf(Resource, id) + "/capture", form, NordeaConnectJsonContext.Default.Transaction, requestOptions, cancellationToken);
    }

    /// <summary>
    /// The create form, with <c>hash</c> computed by <see cref="RequestHash.Compute"/> from the very values that are
    /// sent, so the two cannot disagree (amount as "12.00", currency lower-case, test as "true"/"false").
    /// </summary>
    internal static FormBody BuildCreateForm(TransactionCreateOptions options, string merchantId, string hashSecret)
    {
        var hash = RequestHash.Compute(merchantId, options.PaymentRef, options.CustomerRef, options.Amount, options.Currency, options.Test, hashSecret);
        return new FormBody()
            .Add("amount", FormValues.Of(options.Amount))
            .Add("currency", options.Currency.Code)
            .Add("payment_ref", options.PaymentRef.Value)
            .Add("customer_ref", options.CustomerRef)
            .Add("test", FormValues.Of(options.Test))
            .Add("hash", hash)
            .Add("vat_amount", FormValues.Of(options.VatAmount))
            .AddSensitive("card_number", options.CardNumber)
            .Add("card_type", options.CardType)
            .Add("card_holder", options.CardHolder)
            .AddSensitive("card_cvv", options.CardCvv)
            .AddSensitive("card_expiry", options.CardExpiry)
            .Add("encrypted", options.Encrypted)
            .Add("process", FormValues.Of(options.Process))
            .Add("authorize", FormValues.Of(options.Authorize))
            .Add("template_id", FormValues.Of(options.TemplateId))
            .Add("success_url", options.SuccessUrl)
            .Add("error_url", options.ErrorUrl)
            .Add("metadata", FormValues.Of(options.Metadata))
            .Add("items", FormValues.OfItems(options.Items))
            .Add("webhooks", FormValues.OfWebhooks(options.Webhooks));
    }
}
