using System.Net;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Applies a webhook: the entity's grain reads it again from the API (the payload is never trusted) and, when the
/// state differs from the one it held, counts and announces the change itself. A grain runs one call at a time, so
/// refreshes of one entity are serialised there and an older read never lands after a newer one; duplicates,
/// forgeries and late deliveries of old events change nothing, and a change whose announcement failed is found again
/// by the next attempt.
/// </summary>
internal sealed class WebhookEntityRefresher(IGrainFactory grains, INordeaConnectClient client)
{
    public async Task<WebhookRefreshOutcome> RefreshAsync(string kind, long id, CancellationToken cancellationToken)
    {
        return kind switch
        {
            EntityKey.Transaction => Applied(await grains.GetGrain<ITransactionGrain>(id).NotifyChangedAsync(cancellationToken)),
            EntityKey.Subscription => Applied(await grains.GetGrain<ISubscriptionGrain>(id).NotifyChangedAsync(cancellationToken)),
            EntityKey.StoredCard => Applied(await grains.GetGrain<IStoredCardGrain>(id).NotifyChangedAsync(cancellationToken)),
            WebhookTriggers.WebhookKind => await WebhookAsync(id, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No grain refreshes this kind of entity."),
        };
    }

    /// <summary>webhook_exhausted: upstream gave up on one of its webhooks. Nothing to refresh; confirm it exists so a forged id is refused.</summary>
    private async Task<WebhookRefreshOutcome> WebhookAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await client.Webhooks.GetAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new WebhookRefreshOutcome(WebhookRefreshResult.Applied, false, null, null);
        }
        catch (NordeaConnectException failure) when (failure.StatusCode == HttpStatusCode.NotFound)
        {
            return WebhookRefreshOutcome.NotFound("upstream has no webhook with this id");
        }
        catch (NordeaConnectException failure)
        {
            return WebhookRefreshOutcome.Failed("reading the webhook failed: " + failure.ResultCode.Value);
        }
    }

    /// <summary>What the grain's refresh came to; changed when it announced this webhook's change.</summary>
    private static WebhookRefreshOutcome Applied<T>(OperationResult<T> read)
        where T : class, IVersionedSnapshot<T>
    {
        if (!read.Succeeded || read.Value is null)
        {
            var notFound = read.UpstreamError?.HttpStatus == 404 || read.Code == ResultCode.UpstreamNotFound || read.Code == ResultCode.NotFound;
            var error = read.Code.Value + " " + read.Description;
            return notFound ? WebhookRefreshOutcome.NotFound(error) : WebhookRefreshOutcome.Failed(error);
        }

        // Replayed: upstream showed nothing new, so the grain announced nothing.
        return new WebhookRefreshOutcome(WebhookRefreshResult.Applied, !read.Replayed, read.Value.Change?.Version, null);
    }
}
