using NordeaConnect.Client;

namespace NordeaConnect.Grains;

/// <summary>The subscription calls over NordeaConnect.Client.</summary>
internal sealed class ClientSubscriptionUpstream(ISubscriptionService subscriptions) : ISubscriptionUpstream
{
    public async Task<SubscriptionSnapshot> GetAsync(long subscriptionId, CancellationToken cancellationToken) =>
        UpstreamSnapshots.From(await subscriptions.GetAsync(subscriptionId, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<SubscriptionSnapshot> UpdateAsync(long subscriptionId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        var options = new SubscriptionUpdateOptions
        {
            Debt = change.Debt,
            PlanId = change.PlanId,
            Status = change.Status,
            Quantity = change.Quantity,
            Metadata = UpstreamSnapshots.ToJsonObject(change.Metadata),
            StoredCardId = change.StoredCardId,
            Items = change.Items,
        };
        return UpstreamSnapshots.From(await subscriptions.UpdateAsync(subscriptionId, options, requestOptions: CallLocale.Options(), cancellationToken: cancellationToken).ConfigureAwait(false));
    }
}
