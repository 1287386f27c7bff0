using System.Text.Json;

namespace NordeaConnect.Grains;

/// <summary>The customer calls the grains make upstream (see <see cref="ITransactionUpstream"/> for the error contract).</summary>
internal interface ICustomerUpstream
{
    Task<CustomerSnapshot> GetAsync(long customerId, CancellationToken cancellationToken);

    /// <summary>Customers with this ref (<c>filter[ref]=...</c>), oldest first.</summary>
    Task<IReadOnlyList<CustomerSnapshot>> FindByRefAsync(string customerRef, CancellationToken cancellationToken);

    Task<CustomerSnapshot> CreateAsync(CustomerCreateRequest request, CancellationToken cancellationToken);

    /// <summary>PUTs the metadata, already merged into the whole.</summary>
    Task<CustomerSnapshot> UpdateMetadataAsync(long customerId, JsonElement metadata, CancellationToken cancellationToken);

    Task<IReadOnlyList<TransactionSnapshot>> ListTransactionsAsync(long customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCardSnapshot>> ListStoredCardsAsync(long customerId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubscriptionSnapshot>> ListSubscriptionsAsync(long customerId, CancellationToken cancellationToken);
}
