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
        var subscription = await Grain(request.Id).GetAsync(RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(GrainResults.Unwrap(subscription));
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListSubscriptionsResponse> List(ListSubscriptionsRequest request, ServerCallContext context)
    {
        var options = ListMessages.FromMessage<Upstream.SubscriptionListOptions>(request.Options);
        options.CustomerId = request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null;
        var page = await ListMessages.ListAsync(() => upstream.Subscriptions.ListAsync(options, cancellationToken: context.CancellationToken));
        return ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscriptionResponse> Update(UpdateSubscriptionRequest request, ServerCallContext context)
    {
        var (update, debt) = SubscriptionRequests.ToUpdate(request);
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

    internal static ListSubscriptionsResponse ListResponse(Upstream.Page<Upstream.Subscription> page)
    {
        var response = new ListSubscriptionsResponse { Result = ResultMessages.Success(ResultCode.Success), Page = page.ToMessage() };
        ListAnswers.AddWithinLimit(response.Subscriptions, page.Items, s => s.ToMessage());
        return response;
    }

    private static SubscriptionResponse Response(SubscriptionSnapshot subscription) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), Subscription = subscription.ToMessage() };

    private ISubscriptionGrain Grain(long id) => grains.GetGrain<ISubscriptionGrain>(RequestFields.Id(id));
}
