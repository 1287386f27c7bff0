using Microsoft.AspNetCore.Authorization;
using NordeaConnect.Gateway.Authentication;
using NordeaConnect.Gateway.Changes;
using NordeaConnect.Gateway.Mapping;
using NordeaConnect.Gateway.Notifications.Feed;
using NordeaConnect.Gateway.Operations;
using NordeaConnect.Gateway.Results;
using NordeaConnect.Grains.V1;
using Grpc.Core;
using NordeaConnect.Primitives;
using Upstream = NordeaConnect.Client;

namespace NordeaConnect.Gateway.Services;

/// <summary><c>nordeaconnect.grains.v1.Subscriptions</c>: messages in, grain calls, messages out.</summary>
public sealed class SubscriptionsService(ISubscriptionOperations subscriptions, IUpstreamQueries upstream, OutboxWatcher watcher) : Subscriptions.SubscriptionsBase
{
    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<SubscriptionResponse> Get(GetSubscriptionRequest request, ServerCallContext context)
    {
        var subscription = await subscriptions.GetAsync(RequestFields.Id(request.Id), RequestFields.MaxStaleness(request.Read), context.CancellationToken);
        return Response(subscription);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override async Task<ListSubscriptionsResponse> List(ListSubscriptionsRequest request, ServerCallContext context)
    {
        var page = await ListMessages.ListAsync(() => upstream.ListSubscriptionsAsync(
            ListMessages.FromMessage(request.Options),
            request.HasCustomerId ? RequestFields.Id(request.CustomerId, "customer_id") : null,
            context.CancellationToken));
        return ListResponse(page);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscriptionResponse> Update(UpdateSubscriptionRequest request, ServerCallContext context)
    {
        var update = SubscriptionRequests.ToUpdate(request);
        var subscription = await subscriptions.UpdateAsync(RequestFields.Id(request.Id), update, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(subscription);
    }

    [Authorize(Policy = GatewayPolicies.Write)]
    public override async Task<SubscriptionResponse> AddDebt(AddDebtRequest request, ServerCallContext context)
    {
        var delta = RequestFields.SignedAmount(request.Delta, "delta");
        var subscription = await subscriptions.AddDebtAsync(RequestFields.Id(request.Id), delta, CallMetadata.IdempotencyKey(context), context.CancellationToken);
        return Response(subscription);
    }

    [Authorize(Policy = GatewayPolicies.Read)]
    public override Task Watch(WatchSubscriptionRequest request, IServerStreamWriter<SubscriptionResponse> responseStream, ServerCallContext context)
    {
        var id = RequestFields.Id(request.Id);
        return watcher.RunAsync(
            EntityKey.ForSubscription(id),
            request.AfterVersion,
            async ct => Response(await subscriptions.GetAsync(id, null, ct)),
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

    private static SubscriptionResponse Response(Versioned<Upstream.Subscription> subscription) =>
        new() { Result = ResultMessages.Success(ResultCode.Success), Subscription = subscription.ToMessage() };
}
