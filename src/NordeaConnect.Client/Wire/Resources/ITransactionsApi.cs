using Refit;

namespace NordeaConnect.Client;

/// <summary>
/// Transactions as the reference declares them (the wire; <see cref="ITransactionService"/> adds the hash, amounts
/// and paging). Every method carries the caller's <see cref="RequestOptions"/> to the HTTP pipeline.
/// </summary>
public interface ITransactionsApi
{
    [Post("/v1/transactions")]
    Task<Transaction> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] TransactionCreateForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/transactions/{id}")]
    Task<Transaction> GetAsync(long id, [Query, Encoded] string? extend, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/transactions")]
    Task<IApiResponse<Transaction[]>> ListAsync([Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/customers/{customerId}/transactions")]
    Task<IApiResponse<Transaction[]>> ListOfCustomerAsync(long customerId, [Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Get("/v1/subscriptions/{subscriptionId}/transactions")]
    Task<IApiResponse<Transaction[]>> ListOfSubscriptionAsync(long subscriptionId, [Query, QueryConverter(typeof(ListQueryConverter))] ListOptions? query, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/transactions/{id}")]
    Task<Transaction> UpdateAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] TransactionUpdateForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);

    [Put("/v1/transactions/{id}/capture")]
    Task<Transaction> CaptureAsync(long id, [Body(BodySerializationMethod.UrlEncoded)] CaptureForm form, [Query] string? locale, [Property(RequestOptions.PropertyKey)] RequestOptions? requestOptions, CancellationToken cancellationToken);
}
