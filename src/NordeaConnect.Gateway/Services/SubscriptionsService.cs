using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Subscriptions</c>: messages in, grain calls, messages out; lists straight from Nordea Connect.</summary>
public sealed class SubscriptionsService(IGrainFactory grains, Upstream.INordeaConnectClient upstream, OutboxWatcher watcher) : Subscriptions.SubscriptionsBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<SubscriptionResponse> Get(GetSubscriptionRequest request, ServerCallContext context)
    {
        var extend = Extend(request.Extend);
        CallLocales.ForGrains(request.Locale);
        var maxStaleness = RequestFields.MaxStaleness(request.Read);
        var subscription = GrainResults.Unwrap(await Grain(request.Id).GetAsync(maxStaleness, context.CancellationToken));
        if (extend.Count == 0)
        {
            return Response(subscription);
        }

        // Each child comes from its own grain, as a Get of it would answer, so extend and Get never disagree.
        var customer = extend.Contains("customer") && subscription.CustomerId is { } customerId
            ? GrainResults.Unwrap(await grains.GetGrain<ICustomerGrain>(customerId).GetAsync(maxStaleness, context.CancellationToken))
            : null;
        var plan = extend.Contains("plan") && subscription.PlanId is { } planId
            ? GrainResults.Unwrap(await grains.GetGrain<IPlanGrain>(planId).GetAsync(maxStaleness, context.CancellationToken))
            : null;
        var storedCard = extend.Contains("stored_card") && subscription.StoredCardId is { } storedCardId
            ? GrainResults.Unwrap(await grains.GetGrain<IStoredCardGrain>(storedCardId).GetAsync(maxStaleness, context.CancellationToken))
            : null;
        return new() { Result = ResultMessages.Success(ResultCode.Success), Subscription = subscription.ToMessage(new SubscriptionExtension(customer, plan, storedCard)) };
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListSubscriptionsResponse> List(ListSubscriptionsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.SubscriptionListOptions>(request.Options);
        options.CustomerId = request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null;
        var locale = CallLocales.ForClient(request.Locale);
        var page = await ListMessages.ListAsync(() => upstream.Subscriptions.ListAsync(options, locale, context.CancellationToken));
        return ListResponse(page, request.Options?.Extend ?? []);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscriptionResponse> Update(UpdateSubscriptionRequest request, ServerCallContext context)
    {
        var (update, debt) = SubscriptionRequests.ToUpdate(request);
        CallLocales.ForGrains(request.Locale);
        var grain = Grain(request.Id);
        var idempotencyKey = CallMetadata.IdempotencyKey(context);
        var subscription = GrainResults.Unwrap(await grain.UpdateAsync(update, idempotencyKey, context.CancellationToken));
        if (debt is { } target)
        {
            // The grain sets debt only by adding to it, inside its turn; replacing is adding the difference.
            // Another idempotency key for the second step, derived so a retry of the whole call replays both.
            var debtKey = idempotencyKey is null ? null : idempotencyKey + ":debt";
            subscription = GrainResults.Unwrap(await grain.AddDebtAsync(target - subscription.Debt, debtKey, context.CancellationToken));
        }

        return Response(subscription);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscriptionResponse> AddDebt(AddDebtRequest request, ServerCallContext context)
    {
        var delta = RequestFields.SignedAmount(request.Delta, "delta");
        CallLocales.ForGrains(request.Locale);
        var subscription = await Grain(request.Id).AddDebtAsync(delta, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(GrainResults.Unwrap(subscription));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override Task Watch(WatchSubscriptionRequest request, IServerStreamWriter<SubscriptionResponse> responseStream, ServerCallContext context)
    {
        var grain = Grain(request.Id);
        return watcher.RunAsync(
            EntityKey.ForSubscription(grain.GetPrimaryKeyLong()),
            request.AfterVersion,
            async ct => Response(GrainResults.Unwrap(await grain.GetAsync(null, ct))),
            response => response.Subscription.Change.Version,
            responseStream,
            context.CancellationToken);
    }

    /// <summary>A page of subscriptions, each through its record (and the children the list extended through theirs).</summary>
    internal static ListSubscriptionsResponse ListResponse(Upstream.Page<Upstream.Subscription> page, IReadOnlyCollection<string> extend)
    {
        var response = new ListSubscriptionsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Subscriptions, page.Items, s => UpstreamSnapshots.From(s).ToMessage(SubscriptionExtension.Of(s, extend)));
        return response;
    }

    /// <summary>A Get extends whole children only: the names the subscription object has, each once.</summary>
    private static HashSet<string> Extend(IEnumerable<string> extend)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in extend)
        {
            if (!SubscriptionExtension.Names.Contains(child))
            {
                throw new GatewayRefusalException(
                    ResultCode.InvalidArgument,
                    $"extend '{(child.Length > 40 ? child[..40] + "…" : child)}' is not a child of a subscription: give any of {string.Join(", ", SubscriptionExtension.Names)}",
                    "extend");
            }

            asked.Add(child);
        }

        return asked;
    }

    private static SubscriptionResponse Response(SubscriptionSnapshot subscription) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), Subscription = subscription.ToMessage() };

    private ISubscriptionGrain Grain(long id) => grains.GetGrain<ISubscriptionGrain>(RequestFields.Id(id));
}
