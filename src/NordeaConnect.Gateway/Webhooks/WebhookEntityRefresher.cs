using System.Net;
using System.Text.Json.Nodes;
using NordeaConnect.Client;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.GrainCalls;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Notifications.Outbox;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Grains;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Webhooks;

/// <summary>
/// Applies a webhook: the entity's grain reads it again from the API (the payload is never trusted), and the new
/// state is published as a change only when it differs from the last state the outbox recorded. So duplicates,
/// forgeries and late deliveries of old events publish nothing, and a refresh whose publish failed is published on
/// the next attempt. Refreshes of one entity run one at a time, so an older read never lands after a newer one.
/// </summary>
internal sealed class WebhookEntityRefresher(
    IGrainFactory grains,
    EntityVersions versions,
    GrainTransactionOperations transactions,
    INotificationOutbox outbox,
    INordeaConnectClient client)
{
    private const string Reason = "webhook";
    private static readonly string[] DerivedFields = ["change", "authorized_amount", "captured_amount", "refunded_amount"];
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<WebhookRefreshOutcome> RefreshAsync(string kind, long id, CancellationToken cancellationToken)
    {
        var key = new EntityKey(kind, id);
        var stripe = _stripes[(int)((uint)key.GetHashCode() % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return kind switch
            {
                EntityKey.Transaction => await TransactionAsync(key, cancellationToken).ConfigureAwait(false),
                EntityKey.Subscription => await SubscriptionAsync(key, cancellationToken).ConfigureAwait(false),
                EntityKey.StoredCard => await StoredCardAsync(key, cancellationToken).ConfigureAwait(false),
                WebhookTriggers.WebhookKind => await WebhookAsync(id, cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No grain refreshes this kind of entity."),
            };
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<WebhookRefreshOutcome> TransactionAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var read = await grains.GetGrain<ITransactionGrain>(key.Id).NotifyChangedAsync(cancellationToken).ConfigureAwait(false);
        if (Failure(read) is { } failure)
        {
            return failure;
        }

        var snapshot = read.Value!;
        // Published through the transactions' own operations, so a webhook's change looks like any other change.
        return await PublishIfChangedAsync(
            key,
            new TransactionView(GrainSnapshots.ToEntity(snapshot), Balances: null, new EntityChange(0, Reason)),
            () => transactions.Changed(snapshot, Reason),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<WebhookRefreshOutcome> SubscriptionAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var read = await grains.GetGrain<ISubscriptionGrain>(key.Id).NotifyChangedAsync(cancellationToken).ConfigureAwait(false);
        if (Failure(read) is { } failure)
        {
            return failure;
        }

        var subscription = GrainSnapshots.ToEntity(read.Value!);
        return await PublishIfChangedAsync(
            key,
            new Versioned<Upstream.Subscription>(subscription, new EntityChange(0, Reason)),
            () => versions.Changed(key, Reason, change => new Versioned<Upstream.Subscription>(subscription, change)),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<WebhookRefreshOutcome> StoredCardAsync(EntityKey key, CancellationToken cancellationToken)
    {
        var read = await grains.GetGrain<IStoredCardGrain>(key.Id).NotifyChangedAsync(cancellationToken).ConfigureAwait(false);
        if (Failure(read) is { } failure)
        {
            return failure;
        }

        var card = GrainSnapshots.ToEntity(read.Value!);
        return await PublishIfChangedAsync(
            key,
            new Versioned<Upstream.StoredCard>(card, new EntityChange(0, Reason)),
            () => versions.Changed(key, Reason, change => new Versioned<Upstream.StoredCard>(card, change)),
            cancellationToken).ConfigureAwait(false);
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

    /// <param name="candidate">The refreshed state with a placeholder change, to compare with the last recorded state.</param>
    /// <param name="publish">Counts the change and publishes it (to the outbox, through the change feed).</param>
    private async Task<WebhookRefreshOutcome> PublishIfChangedAsync(EntityKey key, object candidate, Action publish, CancellationToken cancellationToken)
    {
        if (!EntityMessages.TryDescribe(candidate, out var message, out _))
        {
            throw new InvalidOperationException("No Get message describes " + candidate.GetType().Name + ".");
        }

        var latest = await outbox.LatestChangeAsync(key, cancellationToken).ConfigureAwait(false);
        if (latest is not null && SameState(latest.MessageJson, EntityMessages.ToJson(message)))
        {
            return new WebhookRefreshOutcome(WebhookRefreshResult.Applied, false, latest.Version, null);
        }

        publish();
        var stored = await outbox.LatestChangeAsync(key, cancellationToken).ConfigureAwait(false);
        return new WebhookRefreshOutcome(WebhookRefreshResult.Applied, true, stored?.Version, null);
    }

    private static bool SameState(string recordedJson, string candidateJson) =>
        JsonNode.DeepEquals(WithoutChange(recordedJson), WithoutChange(candidateJson));

    /// <summary>
    /// The state without what is not upstream's: the change info (what a publish would set), and the balances a grain
    /// derives from its journal (present or not depending on the path that published), which follow from the state.
    /// </summary>
    private static JsonNode? WithoutChange(string json)
    {
        var root = JsonNode.Parse(json);
        if (root is JsonObject response)
        {
            foreach (var (_, entity) in response)
            {
                if (entity is JsonObject fields)
                {
                    foreach (var derived in DerivedFields)
                    {
                        fields.Remove(derived);
                    }
                }
            }
        }

        return root;
    }

    private static WebhookRefreshOutcome? Failure<T>(OperationResult<T> read)
    {
        if (read.Succeeded && read.Value is not null)
        {
            return null;
        }

        var notFound = read.UpstreamError?.HttpStatus == 404 || read.Code == ResultCode.UpstreamNotFound || read.Code == ResultCode.NotFound;
        var error = read.Code.Value + " " + read.Description;
        return notFound ? WebhookRefreshOutcome.NotFound(error) : WebhookRefreshOutcome.Failed(error);
    }
}
