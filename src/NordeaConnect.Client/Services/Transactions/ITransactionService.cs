namespace NordeaConnect.Client;

/// <summary>Transactions: create (with the request hash), show, list, update, capture.</summary>
public interface ITransactionService
{
    /// <summary><c>POST /v1/transactions</c>. Not retried unless <see cref="RequestOptions.RetrySafe"/>; an unknown outcome throws <see cref="NordeaConnectOutcomeUnknownException"/>.</summary>
    Task<Transaction> CreateAsync(TransactionCreateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/transactions/{id}</c>.</summary>
    Task<Transaction> GetAsync(long id, GetOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>One page of <c>GET /v1/transactions</c> (or a customer's or subscription's).</summary>
    Task<Page<Transaction>> ListAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary>Every transaction matching <paramref name="options"/>, page after page.</summary>
    IAsyncEnumerable<Transaction> ListAllAsync(TransactionListOptions? options = null, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/transactions/{id}</c>.</summary>
    Task<Transaction> UpdateAsync(long id, TransactionUpdateOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v1/transactions/{id}/capture</c>.</summary>
    Task<Transaction> CaptureAsync(long id, TransactionCaptureOptions options, RequestOptions? requestOptions = null, CancellationToken cancellationToken = default);
}
