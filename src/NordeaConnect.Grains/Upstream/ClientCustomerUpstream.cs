using System.Text.Json;
using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>The customer calls over NordeaConnect.Client.</summary>
internal sealed class ClientCustomerUpstream(
    ICustomerService customers,
    ITransactionService transactions,
    IStoredCardService storedCards,
    ISubscriptionService subscriptions) : ICustomerUpstream
{
    public async Task<CustomerSnapshot> GetAsync(long customerId, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await customers.GetAsync(customerId, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<CustomerSnapshot>> FindByRefAsync(string customerRef, CancellationToken cancellationToken)
    {
        var options = new ListOptions { Limit = 100, OrderBy = SortOrder.Ascending("id") };
        options.AddFilter(ListFilter.Equal("ref", customerRef));
        var found = new List<CustomerSnapshot>();
        await foreach (var customer in customers.ListAllAsync(options, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(customer.Ref, customerRef, StringComparison.Ordinal))
            {
                found.Add(UpstreamSnapshots.From(customer));
            }
        }

        return found;
    }

    public async Task<CustomerSnapshot> CreateAsync(CustomerCreateRequest request, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await customers.CreateAsync(
            new CustomerCreateOptions { Ref = request.Ref, Metadata = UpstreamSnapshots.ToJsonObject(request.Metadata) },
            requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<CustomerSnapshot> UpdateMetadataAsync(long customerId, JsonElement metadata, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await customers.UpdateAsync(
            customerId,
            new CustomerUpdateOptions { Metadata = UpstreamSnapshots.ToJsonObject(metadata) ?? throw new ArgumentException("Customer metadata must be a JSON object.", nameof(metadata)) },
            requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<TransactionSnapshot>> ListTransactionsAsync(long customerId, CancellationToken cancellationToken)
    {
        var found = new List<TransactionSnapshot>();
        await foreach (var transaction in transactions.ListAllAsync(new TransactionListOptions { CustomerId = customerId, Limit = 100 }, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(UpstreamSnapshots.From(transaction));
        }

        return found;
    }

    public async Task<IReadOnlyList<StoredCardSnapshot>> ListStoredCardsAsync(long customerId, CancellationToken cancellationToken)
    {
        var found = new List<StoredCardSnapshot>();
        await foreach (var card in storedCards.ListAllAsync(new StoredCardListOptions { CustomerId = customerId, Limit = 100 }, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(UpstreamSnapshots.From(card));
        }

        return found;
    }

    public async Task<IReadOnlyList<SubscriptionSnapshot>> ListSubscriptionsAsync(long customerId, CancellationToken cancellationToken)
    {
        var found = new List<SubscriptionSnapshot>();
        await foreach (var subscription in subscriptions.ListAllAsync(new SubscriptionListOptions { CustomerId = customerId, Limit = 100 }, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(UpstreamSnapshots.From(subscription));
        }

        return found;
    }
}
